import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Writes COUNT distinct signed `/detour status` slash commands for bench/slash.lua, one per line:
 * {@code timestamp TAB X-Slack-Signature TAB body}. wrk cannot sign a request itself, and Detour takes a signature
 * only once (a repeat is a replay, docs/slack.md), so a closed-loop wrk run needs them made in advance.
 * Each body is Slack's form body as bench/CommandLoad.java sends it, with its own trigger_id (zero-padded, so every
 * line has the same length and each wrk thread can seek straight to its own block of lines); all share one current
 * timestamp, so the file is good for Slack's 5 minutes (Detour refuses older ones with a 401). The signature is
 * Slack's: {@code v0=} + hex HMAC-SHA256 of {@code v0:timestamp:body} with the signing secret.
 * Run with the JDK:
 *   java bench/SlashRequests.java SIGNING_SECRET COUNT FILE RESPONSE_URL
 */
public class SlashRequests {
    public static void main(String[] args) throws Exception {
        String secret = args[0];
        int count = Integer.parseInt(args[1]);
        String file = args[2];
        String responseUrl = URLEncoder.encode(args[3], StandardCharsets.UTF_8);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signedPrefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
        HexFormat hex = HexFormat.of();
        int width = -1;
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file), 1 << 20)) {
            for (int i = 0; i < count; i++) {
                String body = "token=bench&team_id=T0BENCH&team_domain=bench&channel_id=C0INCIDENTS"
                        + "&channel_name=incidents&user_id=U0ALICE&user_name=alice&command=%2Fdetour&text=status"
                        + "&api_app_id=A0BENCH&trigger_id=1.2." + String.format("%010d", i)
                        + "&response_url=" + responseUrl;
                byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
                mac.update(signedPrefix);
                String signature = "v0=" + hex.formatHex(mac.doFinal(bodyBytes));
                byte[] line = (timestamp + "\t" + signature + "\t" + body + "\n").getBytes(StandardCharsets.UTF_8);
                if (width < 0) {
                    width = line.length;
                } else if (line.length != width) {
                    throw new IllegalStateException("line " + i + " is not " + width + " bytes long");
                }
                out.write(line);
            }
        }
        System.err.printf("%d signed /detour status requests, timestamp %s, %d bytes a line, in %s%n", count,
                timestamp, width, file);
    }
}
