package org.aidmatch.load.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's client against the JDK's HTTP server: bodies both ways, kept-alive connections. */
class PlainHttpTest {

    private HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final PlainHttp http = new PlainHttp();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/fixed", exchange -> answer(exchange, false, false));
        server.createContext("/chunked", exchange -> answer(exchange, true, false));
        server.createContext("/closing", exchange -> answer(exchange, false, true));
        server.start();
    }

    @AfterEach
    void stop() {
        http.closeAll();
        server.stop(0);
    }

    @Test
    void posts_a_body_and_reads_a_fixed_length_answer_over_one_kept_alive_connection() {
        for (int i = 0; i < 3; i++) {
            PlainHttp.Response response =
                    http.post(uri("/fixed"), "key-" + i, "{\"n\":" + i + ",\"name\":\"Dušanbe\"}");

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("key-" + i + " {\"n\":" + i + ",\"name\":\"Dušanbe\"}");
        }
        assertThat(clientPorts).as("one connection").hasSize(1);
    }

    @Test
    void reads_a_chunked_answer() {
        PlainHttp.Response response = http.post(uri("/chunked"), "k", "x".repeat(20_000));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("k " + "x".repeat(20_000));
    }

    @Test
    void opens_a_new_connection_when_the_server_closes_one() {
        List<PlainHttp.Response> responses =
                List.of(http.post(uri("/closing"), "k", "a"), http.post(uri("/closing"), "k", "b"));

        assertThat(responses).extracting(PlainHttp.Response::body).containsExactly("k a", "k b");
        assertThat(clientPorts).as("a connection per post").hasSize(2);
    }

    @Test
    void a_post_to_a_server_that_is_gone_fails_without_throwing() {
        URI uri = uri("/fixed");
        server.stop(0);

        assertThat(http.post(uri, "k", "a")).isNull();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.getAddress().getPort() + path);
    }

    /** Answers 201 with the API key and the body it was sent. */
    private void answer(HttpExchange exchange, boolean chunked, boolean close) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        byte[] answer = (exchange.getRequestHeaders().getFirst("X-Api-Key") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        if (close) {
            exchange.getResponseHeaders().add("Connection", "close");
        }
        exchange.sendResponseHeaders(201, chunked ? 0 : answer.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(answer);
        }
    }
}
