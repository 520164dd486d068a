package io.warroom.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a request's remote address is this machine: the guard of every loopback-only endpoint. */
public final class Loopback {

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
}
