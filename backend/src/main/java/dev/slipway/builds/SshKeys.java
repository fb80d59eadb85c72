package dev.slipway.builds;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Deploy key pairs: made here, kept sealed, shown to people only as the public half in the one-line
 * OpenSSH form that GitHub, GitLab and Gitea take as a deploy key. ECDSA P-256, because the JDK makes
 * and signs with it natively and every one of those providers accepts it.
 */
final class SshKeys {

    private SshKeys() {
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make P-256 keys", e);
        }
    }

    /** Both halves in one line for the sealed store: PKCS#8 and X.509, Base64, separated by a space. */
    static String serialize(KeyPair pair) {
        Base64.Encoder base64 = Base64.getEncoder();
        return base64.encodeToString(pair.getPrivate().getEncoded()) + " " + base64.encodeToString(pair.getPublic().getEncoded());
    }

    static KeyPair deserialize(String stored) {
        String[] halves = stored.split(" ");
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(halves[1]))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(halves[0]))));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the stored deploy key is not a P-256 key pair; a maintainer makes a new"
                    + " one on the app's Builds page (Make deploy key) and adds it to the repository", e);
        }
    }

    /** e.g. {@code ecdsa-sha2-nistp256 AAAA... slipway-shop}: what the user pastes into the provider. */
    static String openSsh(PublicKey key, String comment) {
        return PublicKeyEntry.toString(key) + " " + comment;
    }

    /** {@code SHA256:...}, as {@code ssh-keygen -l} and the providers' key lists show it. */
    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    /** The fingerprint of a remembered host key, "address type base64" as GitCheckout keeps it. */
    static String hostKeyFingerprint(String remembered) {
        int space = remembered.indexOf(' ');
        return fingerprint(space < 0 ? remembered : remembered.substring(space + 1));
    }

    /** The fingerprint of a key in OpenSSH form ("type base64 [comment]"). */
    static String fingerprint(String openSsh) {
        try {
            return KeyUtils.getFingerPrint(PublicKeyEntry.parsePublicKeyEntry(openSsh).resolvePublicKey(null, null, null));
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("not an OpenSSH public key: " + openSsh, e);
        }
    }
}
