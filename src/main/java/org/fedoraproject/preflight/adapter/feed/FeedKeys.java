package org.fedoraproject.preflight.adapter.feed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Ed25519 keys and detached signatures, with the JDK's own implementation. Keys are PEM (public:
 * SubjectPublicKeyInfo, private: PKCS#8), as {@code openssl genpkey -algorithm ed25519} writes
 * them; a signature is the 64 raw signature bytes in base64, as {@code openssl pkeyutl -sign
 * -rawin} makes them (then base64), in a file next to the feed with {@code .sig} appended.
 */
public final class FeedKeys {

    private static final String ALGORITHM = "Ed25519";

    private FeedKeys() {
    }

    /** A public key Preflight trusts, with a short id (the first 16 hex digits of its SHA-256) and where it came from. */
    public record TrustedKey(String id, PublicKey key, String origin) {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no Ed25519", e);
        }
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static TrustedKey readPublic(String pem, String origin) throws GeneralSecurityException {
        byte[] der = unpem(pem, "PUBLIC KEY");
        PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        return new TrustedKey(keyId(der), key, origin);
    }

    public static PrivateKey readPrivate(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(unpem(pem, "PRIVATE KEY")));
    }

    public static String sign(byte[] content, PrivateKey key) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(ALGORITHM);
        signer.initSign(key);
        signer.update(content);
        return Base64.getEncoder().encodeToString(signer.sign()) + "\n";
    }

    /** The trusted key that made this signature over exactly these bytes, if any did. */
    public static Optional<TrustedKey> verify(byte[] content, String signatureText, List<TrustedKey> trusted) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureText.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (signature.length != 64) {
            return Optional.empty();
        }
        for (TrustedKey key : trusted) {
            try {
                Signature verifier = Signature.getInstance(ALGORITHM);
                verifier.initVerify(key.key());
                verifier.update(content);
                if (verifier.verify(signature)) {
                    return Optional.of(key);
                }
            } catch (GeneralSecurityException e) {
                // a key of another kind, or a malformed signature: not this key
            }
        }
        return Optional.empty();
    }

    static String keyId(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem, String type) throws GeneralSecurityException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException("not a PEM " + type.toLowerCase(Locale.ROOT));
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("damaged PEM " + type.toLowerCase(Locale.ROOT), e);
        }
    }
}
