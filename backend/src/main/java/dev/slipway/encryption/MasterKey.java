package dev.slipway.encryption;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key-encryption key and its public id. The id is an HMAC of a fixed label under the key: it tells
 * keys apart in the database without revealing anything about them.
 */
record MasterKey(String id, SecretKey key) {

    static final int LENGTH_BYTES = 32;

    /** Parses the base64 form users configure; the message says how to produce a valid one. */
    static MasterKey fromBase64(String encoded, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64. Create a master key with"
                    + " `openssl rand -base64 32`.");
        }
        if (bytes.length != LENGTH_BYTES) {
            throw new IllegalStateException(source + " holds " + bytes.length + " bytes; a master key is "
                    + LENGTH_BYTES + " random bytes in base64. Create one with `openssl rand -base64 32`.");
        }
        SecretKey key = new SecretKeySpec(bytes, "AES");
        return new MasterKey(idOf(key), key);
    }

    private static String idOf(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] digest = mac.doFinal("slipway master key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
