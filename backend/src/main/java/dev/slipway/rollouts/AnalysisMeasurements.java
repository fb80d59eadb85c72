package dev.slipway.rollouts;

import dev.slipway.analysis.Measurement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every measurement a canary's analysis took, by rollout, step and metric. The verdict is never stored:
 * it is recomputed from these rows, so a restarted engine judges exactly what it had measured.
 */
@Repository
class AnalysisMeasurements {

    /** A stored measurement with where it was taken. */
    record Stored(int step, String metric, Measurement measurement) {
    }

    private final JdbcClient jdbc;

    AnalysisMeasurements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long rolloutId, int step, String metric, Measurement m) {
        jdbc.sql("insert into analysis_measurements (rollout_id, step, metric, measured_at, phase, value, error)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(rolloutId, step, metric, Timestamp.from(m.at()), m.phase().name(), m.value(),
                        m.error() == null ? null : abbreviate(m.error()))
                .update();
    }

    /** The measurements of one metric in one step, oldest first. */
    List<Measurement> of(long rolloutId, int step, String metric) {
        return jdbc.sql("select measured_at, phase, value, error from analysis_measurements"
                        + " where rollout_id = ? and step = ? and metric = ? order by id")
                .params(rolloutId, step, metric)
                .query((rs, n) -> measurement(rs)).list();
    }

    /** All measurements of a rollout, in the order they were taken. */
    List<Stored> of(long rolloutId) {
        return jdbc.sql("select step, metric, measured_at, phase, value, error from analysis_measurements"
                        + " where rollout_id = ? order by id")
                .param(rolloutId)
                .query((rs, n) -> new Stored(rs.getInt("step"), rs.getString("metric"), measurement(rs))).list();
    }

    private static Measurement measurement(ResultSet rs) throws SQLException {
        double read = rs.getDouble("value");
        // wasNull answers for the column read last, so it is asked right after reading the value
        Double value = rs.wasNull() ? null : read;
        return new Measurement(rs.getTimestamp("measured_at").toInstant(),
                Measurement.Phase.valueOf(rs.getString("phase")), value, rs.getString("error"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
