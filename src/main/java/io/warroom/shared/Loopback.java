package io.warroom.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a request's remote address is this machine: the guard of every loopback-only endpoint. */
public final class Loopback {

    private static final java.util.Set<String> LOOPBACK_HOSTS = java.util.Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private Loopback() {
    }

    /** {@code address} is the literal IP a servlet container reports, so this never does a DNS lookup. */
    public static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * A loopback client that also addressed the server by a loopback name ({@code Host} header): a web page
     * cannot reach a loopback-only endpoint through DNS rebinding, because its requests carry its own host name.
     */
    public static boolean isLocalRequest(String remoteAddress, String hostHeader) {
        return isLoopback(remoteAddress) && LOOPBACK_HOSTS.contains(hostName(hostHeader));
    }

    private static String hostName(String host) {
        if (host == null) {
            return "";
        }
        host = host.toLowerCase(java.util.Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
