package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends requests to {@code /feishu/events} as Feishu does: the JSON encrypted with the Encrypt Key
 * (AES-256-CBC, key SHA-256(encrypt key), random IV in front, base64) and signed with
 * {@code X-Lark-Signature = hex(SHA-256(timestamp + nonce + encryptKey + body))}. Written from the
 * protocol description, independently of the production code.
 */
public final class FeishuRequests {

    public static final String ENCRYPT_KEY = "fake-encrypt-key-0001";
    public static final String VERIFICATION_TOKEN = "fake-verification-token-0001";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;

    public FeishuRequests(int port) {
        this.url = "http://127.0.0.1:" + port + "/feishu/events";
    }

    static ObjectNode envelope(String eventType, String eventId, String token) {
        ObjectNode root = JSON.createObjectNode().put("schema", "2.0");
        root.putObject("header").put("event_id", eventId).put("event_type", eventType).put("token", token)
                .put("create_time", Long.toString(System.currentTimeMillis())).put("tenant_key", "tenant-1")
                .put("app_id", FakeFeishuOpenApi.APP_ID);
        return root;
    }

    /** An {@code im.message.receive_v1} event; {@code mentionBot} adds an @mention of the bot as {@code @_user_1}. */
    public static ObjectNode message(String eventId, String chatId, String chatType, String senderOpenId, String text,
                              boolean mentionBot) {
        ObjectNode root = envelope("im.message.receive_v1", eventId, VERIFICATION_TOKEN);
        ObjectNode event = root.putObject("event");
        ObjectNode sender = event.putObject("sender");
        sender.putObject("sender_id").put("open_id", senderOpenId).put("user_id", "u-" + senderOpenId);
        sender.put("sender_type", "user").put("tenant_key", "tenant-1");
        ObjectNode message = event.putObject("message");
        message.put("message_id", "om_in_" + UUID.randomUUID()).put("chat_id", chatId).put("chat_type", chatType)
                .put("message_type", "text").put("create_time", Long.toString(System.currentTimeMillis()))
                .put("content", JSON.createObjectNode().put("text", (mentionBot ? "@_user_1 " : "") + text).toString());
        if (mentionBot) {
            ObjectNode mention = message.putArray("mentions").addObject().put("key", "@_user_1").put("name", "Warroom");
            mention.putObject("id").put("open_id", FakeFeishuOpenApi.BOT_OPEN_ID).put("union_id", "on_bot");
            mention.put("tenant_key", "tenant-1");
        }
        return root;
    }

    /** A {@code card.action.trigger} callback for a click on a card. */
    public static ObjectNode click(String eventId, String operatorOpenId, String chatId, String messageId, String actionId,
                            String value) {
        ObjectNode root = envelope("card.action.trigger", eventId, VERIFICATION_TOKEN);
        ObjectNode event = root.putObject("event");
        event.putObject("operator").put("open_id", operatorOpenId).put("user_id", "u-" + operatorOpenId)
                .put("tenant_key", "tenant-1");
        event.put("token", "c-" + UUID.randomUUID());
        ObjectNode action = event.putObject("action").put("tag", "button");
        action.putObject("value").put("a", actionId).put("v", value);
        event.put("host", "im_message");
        event.putObject("context").put("open_message_id", messageId).put("open_chat_id", chatId);
        return root;
    }

    /** Every button of a card that calls back, wherever it sits (root, column set, form). */
    static java.util.List<JsonNode> buttons(JsonNode card) {
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        collect(card, found);
        return found;
    }

    private static void collect(JsonNode node, java.util.List<JsonNode> found) {
        if (node.isObject() && "button".equals(node.path("tag").asText()) && node.has("behaviors")) {
            found.add(node);
        }
        node.forEach(child -> collect(child, found));
    }

    /** The button whose callback carries this action id and value. */
    static JsonNode button(JsonNode card, String actionId, String value) {
        return buttons(card).stream().filter(b -> actionId.equals(callbackValue(b).path("a").asText())
                && (value == null || value.equals(callbackValue(b).path("v").asText()))).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + actionId + " on " + card));
    }

    static JsonNode callbackValue(JsonNode button) {
        return button.path("behaviors").get(0).path("value");
    }

    /** What Feishu sends when this button is pressed: its callback value in {@code action.value}. */
    static ObjectNode press(String eventId, String operatorOpenId, String chatId, String messageId, JsonNode button) {
        ObjectNode root = click(eventId, operatorOpenId, chatId, messageId, "", "");
        ((ObjectNode) root.path("event").path("action")).set("value", callbackValue(button).deepCopy());
        return root;
    }

    /**
     * What Feishu sends when the card's form is submitted: the submit button's name in {@code action.name}
     * and each input's value under the input component's name in {@code action.form_value}. Values are given
     * by Warroom input name; the component must exist in the card's form.
     */
    static ObjectNode submit(String eventId, String operatorOpenId, String chatId, String messageId, JsonNode card,
                             java.util.Map<String, Object> values) {
        JsonNode form = null;
        for (JsonNode e : card.path("body").path("elements")) {
            if ("form".equals(e.path("tag").asText())) {
                form = e;
            }
        }
        if (form == null) {
            throw new AssertionError("no form on " + card);
        }
        String submitName = null;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (JsonNode e : form.path("elements")) {
            if ("submit".equals(e.path("form_action_type").asText())) {
                submitName = e.path("name").asText();
            } else if (e.has("name")) {
                names.add(e.path("name").asText());
            }
        }
        ObjectNode root = click(eventId, operatorOpenId, chatId, messageId, "", "");
        ObjectNode action = (ObjectNode) root.path("event").path("action");
        action.remove("value");
        action.put("name", submitName);
        ObjectNode formValue = action.putObject("form_value");
        values.forEach((name, v) -> {
            String key = FeishuNames.input(name);
            if (!names.contains(key)) {
                throw new AssertionError("the form has no input " + name + ": " + names);
            }
            formValue.set(key, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(v));
        });
        return root;
    }

    public static String newEventId() {
        return "ev_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Encrypted and correctly signed, sent now. */
    public HttpResponse<String> send(ObjectNode payload) throws Exception {
        String body = encryptedBody(payload.toString(), ENCRYPT_KEY);
        long ts = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        return post(body, Long.toString(ts), nonce, sign(Long.toString(ts), nonce, ENCRYPT_KEY, body));
    }

    HttpResponse<String> post(String body, String timestamp, String nonce, String signature) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json; charset=utf-8");
        if (timestamp != null) {
            request.header("X-Lark-Request-Timestamp", timestamp);
        }
        if (nonce != null) {
            request.header("X-Lark-Request-Nonce", nonce);
        }
        if (signature != null) {
            request.header("X-Lark-Signature", signature);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static String encryptedBody(String json, String key) throws Exception {
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        byte[] aesKey = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(iv));
        byte[] encrypted = cipher.doFinal(json.getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[16 + encrypted.length];
        System.arraycopy(iv, 0, all, 0, 16);
        System.arraycopy(encrypted, 0, all, 16, encrypted.length);
        return JSON.createObjectNode().put("encrypt", Base64.getEncoder().encodeToString(all)).toString();
    }

    public static String sign(String timestamp, String nonce, String key, String body) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((timestamp + nonce + key + body).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
