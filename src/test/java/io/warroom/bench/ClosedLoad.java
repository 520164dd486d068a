package io.warroom.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Closed-loop HTTP load: each of N keep-alive connections sends its next request as soon as the previous one
 * was answered, for a warm-up and then a measured window. HTTP/1.1 over plain blocking sockets, so the
 * generator costs little of the CPU it shares with the servers (the JDK's HttpClient costs several times more
 * per request). A request counts in the window when it was sent and answered inside it.
 */
final class ClosedLoad {

    /** One request: path, headers, body. Built per request, so each can carry its own signature and ids. */
    record Request(String path, Map<String, String> headers, byte[] body) {
    }

    interface Requests {
        Request next(int connection, long sequence) throws Exception;
    }

    /** One timed call; returns what the answer said (for the {@code mark} predicate). */
    interface Call {
        String run() throws Exception;
    }

    /** One client's calls, in order; preparing a call (building, signing) is not timed. */
    interface Caller extends AutoCloseable {
        Call prepare(long sequence) throws Exception;

        @Override
        void close();
    }

    interface Callers {
        Caller open(int connection) throws Exception;
    }

    /**
     * @param latencies microseconds, sorted, of the window's answered requests
     * @param marked    window answers whose body the {@code mark} predicate matched (e.g. "busy")
     */
    record Result(double seconds, long[] latencies, long marked, long failed, long total) {
        double rate() {
            return latencies.length / seconds;
        }
    }

    private ClosedLoad() {
    }

    /** HTTP requests to {@code 127.0.0.1:port}, one keep-alive connection per client. */
    static Result http(int port, int connections, int warmupSeconds, int seconds, Requests requests,
                       Predicate<String> mark) throws InterruptedException {
        return run(connections, warmupSeconds, seconds, connection -> new Caller() {
            private Connection conn;

            @Override
            public Call prepare(long sequence) throws Exception {
                Request r = requests.next(connection, sequence);
                if (conn != null && conn.closed) {
                    close();
                }
                if (conn == null) {
                    conn = new Connection(port);
                }
                return () -> {
                    try {
                        return conn.exchange(r);
                    } catch (IOException e) {
                        close();
                        throw e;
                    }
                };
            }

            @Override
            public void close() {
                if (conn != null) {
                    conn.close();
                    conn = null;
                }
            }
        }, mark);
    }

    static Result run(int connections, int warmupSeconds, int seconds, Callers callers, Predicate<String> mark)
            throws InterruptedException {
        long start = System.nanoTime();
        long from = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long until = from + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong marked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong total = new AtomicLong();
        long[][] perConnection = new long[connections][];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread t = new Thread(() -> {
                long[] lat = new long[1 << 12];
                int n = 0;
                long seq = 0;
                try (Caller caller = callers.open(connection)) {
                    while (System.nanoTime() < until) {
                        try {
                            Call call = caller.prepare(seq++);
                            long t0 = System.nanoTime();
                            String answer = call.run();
                            long t1 = System.nanoTime();
                            total.incrementAndGet();
                            if (t0 >= from && t1 <= until) {
                                if (n == lat.length) {
                                    lat = Arrays.copyOf(lat, n * 2);
                                }
                                lat[n++] = (t1 - t0) / 1000;
                                if (mark.test(answer)) {
                                    marked.incrementAndGet();
                                }
                            }
                        } catch (Exception e) {
                            if (failed.incrementAndGet() == 1) {
                                System.err.println("first failure: " + e);
                            }
                        }
                    }
                } catch (Exception e) {
                    System.err.println("client " + connection + " could not start: " + e);
                }
                perConnection[connection] = Arrays.copyOf(lat, n);
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(); // also makes each thread's latencies visible here
        }
        long[] merged = Arrays.stream(perConnection).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(seconds, merged, marked.get(), failed.get(), total.get());
    }

    /** One keep-alive connection: writes a request, reads the status, headers and body (length or chunked). */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        /** The server said it closes the connection (Tomcat does after 100 requests): open a new one. */
        private boolean closed;

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        String exchange(Request r) throws IOException {
            StringBuilder head = new StringBuilder(512).append("POST ").append(r.path()).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1\r\nContent-Length: ").append(r.body().length).append("\r\n");
            r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(r.body());
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IOException(status);
            }
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                body.write(in.readNBytes((int) length));
            }
            closed = close;
            return body.toString(StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do: the connection is gone either way
            }
        }
    }
}
