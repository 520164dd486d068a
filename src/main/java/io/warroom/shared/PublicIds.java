package io.warroom.shared;

import java.security.SecureRandom;

/**
 * Random ids a button may carry: unguessable, short, and without look-alike characters, so a click proves
 * nothing by itself and a reader can copy one from a card.
 */
public final class PublicIds {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicIds() {
    }

    /** Twelve characters: about 60 bits. */
    public static String next() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
