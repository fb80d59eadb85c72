package dev.slipway.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SlipwayClientTest {

    private final SlipwayClient client = new SlipwayClient("http://slipway.test", "slw_x", JsonMapper.builder().build());

    @Test
    void names_in_a_path_are_encoded_as_one_segment_each() {
        assertThat(SlipwayClient.path("/api/v1/apps/{}/environments/{}", "menu", "dev"))
                .isEqualTo("/api/v1/apps/menu/environments/dev");
        assertThat(SlipwayClient.path("/api/v1/apps/{}/builds", "../../admin x"))
                .isEqualTo("/api/v1/apps/..%2F..%2Fadmin%20x/builds");
    }

    @Test
    void an_error_says_what_the_problem_document_says() {
        ApiException e = client.problem("http://slipway.test/api/v1/apps/nope", 404, "application/problem+json", """
                {"detail":"There is no app 'nope' that you can see.","status":404,"title":"Not found",
                 "type":"urn:slipway:problem:not-found"}""");

        assertThat(e.getMessage()).isEqualTo("There is no app 'nope' that you can see.");
        assertThat(e.type()).isEqualTo("urn:slipway:problem:not-found");
        assertThat(e.exitCode()).isEqualTo(1);
    }

    @Test
    void a_refused_token_exits_with_the_not_connected_code() {
        ApiException e = client.problem("http://slipway.test/api/v1/me", 401, "application/problem+json",
                "{\"detail\":\"The token is expired.\",\"status\":401}");

        assertThat(e.exitCode()).isEqualTo(4);
    }

    @Test
    void an_answer_that_is_no_problem_document_names_the_status_and_url() {
        ApiException e = client.problem("http://slipway.test/api/v1/apps", 502, "text/html", "<html>Bad Gateway</html>");

        assertThat(e.getMessage()).contains("http://slipway.test/api/v1/apps answered HTTP 502");
    }

    @Test
    void a_detail_with_control_characters_prints_as_one_clean_line() {
        ApiException e = client.problem("u", 409, "application/problem+json",
                "{\"detail\":\"line one\\nline two \\u001b[31mred\"}");

        assertThat(e.getMessage()).isEqualTo("line one line two red");
    }

    @Test
    void connection_errors_name_the_url_and_what_to_check() {
        assertThat(SlipwayClient.unreachable("http://127.0.0.1:1", new ConnectException()))
                .isEqualTo("Cannot reach Slipway at http://127.0.0.1:1: connection refused. Check the URL (slipway login"
                        + " URL, or SLIPWAY_URL) and that Slipway is running there");
        assertThat(SlipwayClient.unreachable("http://nowhere.invalid",
                new ConnectException() { { initCause(new UnresolvedAddressException()); } }))
                .contains("unknown host nowhere.invalid");
        assertThat(SlipwayClient.unreachable("http://10.0.0.1", new HttpConnectTimeoutException("timed out")))
                .contains("no connection within 10 s").contains("proxy, VPN or firewall");
        assertThat(SlipwayClient.unreachable("http://10.0.0.1", new HttpTimeoutException("request timed out")))
                .contains("did not answer within 60 s");
        assertThat(SlipwayClient.unreachable("https://localhost:8080", new SSLHandshakeException("no TLS")))
                .contains("TLS with https://localhost:8080 failed").contains("http://");
        assertThat(SlipwayClient.unreachable("http://a", new IOException("HTTP/1.1 header parser received no bytes")))
                .contains("Cannot reach Slipway at http://a: HTTP/1.1 header parser received no bytes");
    }
}
