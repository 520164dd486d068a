package io.warroom.command.internal;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commands this replica accepted and claimed, waiting for a worker. A worker takes them for one shared
 * transaction (see {@link CommandRunner}); while its group runs, the conversations in it are its own: no other
 * worker takes a command of those conversations until the group has committed. So two groups never wait on
 * each other's timeline heads (each conversation's stream is locked by one group at a time, which could
 * otherwise deadlock two groups holding one head each), and the commands of one conversation run in the order
 * they arrived.
 */
final class LocalQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Claimed> waiting = new ArrayDeque<>();
    private final Set<String> busy = new HashSet<>();

    void add(Claimed c) {
        lock.lock();
        try {
            waiting.add(c);
        } finally {
            lock.unlock();
        }
    }

    /** @return true when it was still waiting (it is no longer) */
    boolean remove(Claimed c) {
        lock.lock();
        try {
            return waiting.remove(c);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest waiting command whose conversation no other group holds; its conversation is added to
     * {@code mine} and held until {@link #release}. Null when every waiting command belongs to another group.
     */
    Claimed take(Set<String> mine) {
        lock.lock();
        try {
            for (Iterator<Claimed> it = waiting.iterator(); it.hasNext(); ) {
                Claimed c = it.next();
                String key = c.conversationKey();
                if (mine.contains(key) || busy.add(key)) {
                    mine.add(key);
                    it.remove();
                    return c;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** The group that held {@code mine} has finished: its conversations are free for any worker. */
    void release(Set<String> mine) {
        lock.lock();
        try {
            busy.removeAll(mine);
        } finally {
            lock.unlock();
        }
    }
}
