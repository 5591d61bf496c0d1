package org.aidmatch.load.rest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The benchmark's HTTP client: POSTs of small JSON bodies over HTTP/1.1, one kept-alive connection
 * per thread and server. The JDK's {@code HttpClient}, with its selector and worker threads, took a
 * fifth to a quarter of the two cores it shared with the services; this does only what the
 * benchmark needs (fixed-length bodies out; fixed-length or chunked bodies back).
 */
final class PlainHttp {

    /** A status and body; {@code null} from {@link #post} when the exchange failed. */
    record Response(int status, String body) {}

    private static final int TIMEOUT_MILLIS = 30_000;

    private final ThreadLocal<Map<String, Connection>> connections = ThreadLocal.withInitial(HashMap::new);
    private final Queue<Connection> all = new ConcurrentLinkedQueue<>();

    Response post(URI uri, String apiKey, String body) {
        String server = uri.getHost() + ":" + uri.getPort();
        Map<String, Connection> mine = connections.get();
        Connection connection = mine.get(server);
        try {
            if (connection == null) {
                connection = new Connection(uri.getHost(), uri.getPort());
                all.add(connection);
                mine.put(server, connection);
            }
            Response response =
                    connection.post(server, uri.getRawPath(), apiKey, body.getBytes(StandardCharsets.UTF_8));
            if (connection.closedByServer) {
                forget(mine, server, connection);
            }
            return response;
        } catch (IOException e) {
            if (connection != null) {
                forget(mine, server, connection);
            }
            return null;
        }
    }

    /** Closes every connection; threads that post again open new ones. */
    void closeAll() {
        for (Connection connection = all.poll(); connection != null; connection = all.poll()) {
            connection.close();
        }
        connections.remove();
    }

    private void forget(Map<String, Connection> mine, String server, Connection connection) {
        mine.remove(server);
        all.remove(connection);
        connection.close();
    }

    private static final class Connection {

        private final Socket socket = new Socket();
        private final InputStream in;
        private final OutputStream out;
        private boolean closedByServer;

        Connection(String host, int port) throws IOException {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        Response post(String server, String path, String apiKey, byte[] body) throws IOException {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + server
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nX-Api-Key: " + apiKey
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read();
        }

        private Response read() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" ->
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closedByServer = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers, if any
                }
            } else if (length > 0) {
                byte[] bytes = in.readNBytes((int) length);
                if (bytes.length < length) {
                    throw new EOFException("body cut short");
                }
                body.write(bytes);
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
