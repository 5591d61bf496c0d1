package org.aidmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.ServiceTestProperties;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email against a real SMTP server (GreenMail) with the matcher on a real broker: a burst of
 * proposals reaches each organisation as one message, in the language it chose, saying what, how
 * much, for whom, why, by when, and where to answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class EmailNotificationIT {

    private static final GreenMail SMTP =
            new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void kafkaAndMail(DynamicPropertyRegistry registry) throws IOException {
        ServiceTestProperties.register(registry);
        registry.add("spring.kafka.streams.state-dir", Files.createTempDirectory("email-it")::toString);
        registry.add("spring.kafka.streams.application-id", () -> "email-it-" + UUID.randomUUID());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("aidmatch.notifications.email.gather-for", () -> "2s");
        registry.add("aidmatch.notifications.email.portal-url", () -> "https://aidmatch.example.org/");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void a_burst_of_proposals_is_one_email_per_organisation_in_its_language() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        String run = UUID.randomUUID().toString().substring(0, 6);
        String donor = "Kyrgyz Red Crescent " + run;
        String hospital = "Osh Regional Hospital " + run;
        register(api, donor, "DONOR", "logistics@redcrescent.example.kg");
        register(api, hospital, "REQUESTER", "supply@osh-hospital.example.kg");
        Response chosen = api.send(
                api.request("/api/v1/organisations/" + ApiClient.segment(donor) + "/email", TestApiKeys.COORDINATOR)
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"events":["match.proposed"],"language":"ar"}""")));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/organisations/" + ApiClient.segment(hospital) + "/email", TestApiKeys.COORDINATOR)
                        .json()
                        .get("language")
                        .asString())
                .as("an organisation that chose nothing gets proposals in English")
                .isEqualTo("en");
        assertThat(api.send(api.request(
                                        "/api/v1/organisations/" + ApiClient.segment(donor) + "/email",
                                        TestApiKeys.COORDINATOR)
                                .header("Content-Type", "application/json")
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("""
                                        {"events":["match.everything"],"language":"ar"}""")))
                        .status())
                .isEqualTo(400);

        try (TopicWriter writer = new TopicWriter(KafkaTestBroker.bootstrapServers())) {
            for (int i = 1; i <= 3; i++) {
                writer.send(
                        Topics.REQUESTS,
                        new RequestPosted(
                                UUID.randomUUID().toString(),
                                "req-" + run + "-" + i,
                                hospital,
                                "SV-TRAINING",
                                10L * i,
                                "KG",
                                Urgency.HIGH,
                                null,
                                null,
                                Instant.now(),
                                AidEvent.CURRENT_SCHEMA_VERSION));
            }
            writer.send(
                    Topics.OFFERS,
                    new OfferPosted(
                            UUID.randomUUID().toString(),
                            "off-" + run,
                            donor,
                            "SV-TRAINING",
                            60,
                            List.of("143"),
                            null,
                            null,
                            false,
                            Instant.now(),
                            AidEvent.CURRENT_SCHEMA_VERSION));
        }

        assertThat(SMTP.waitForIncomingEmail(30_000, 2))
                .as("two emails: one per organisation")
                .isTrue();
        Thread.sleep(4_000);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).as("three proposals each, gathered into one email").hasSize(2);

        MimeMessage toDonor = to(received, "logistics@redcrescent.example.kg");
        assertThat(toDonor.getSubject()).contains("AidMatch", "تحديثات", donor);
        assertThat(toDonor.getContentLanguage()).containsExactly("ar");
        String donorBody = GreenMailUtil.getBody(toDonor);
        String donorText = new String(toDonor.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(donorText)
                .contains("مقترح", hospital, "السبب", "يُرجى الرد", "https://aidmatch.example.org/#donor-view");
        assertThat(donorText.split("مقترح", -1)).as("three proposals in it").hasSize(4);
        assertThat(donorBody).isNotBlank();

        MimeMessage toHospital = to(received, "supply@osh-hospital.example.kg");
        assertThat(toHospital.getSubject()).isEqualTo("AidMatch: 3 updates for " + hospital);
        String hospitalText = new String(toHospital.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(hospitalText)
                .contains("Proposed: Training", "from " + donor + " to " + hospital + " in Kyrgyzstan")
                .contains("Why: ")
                .doesNotContain("Answer by ")
                .contains("Open it in the portal: https://aidmatch.example.org/#requester-view");
        assertThat(hospitalText).contains("10 (unit:", "20 (unit:", "30 (unit:");
    }

    private static MimeMessage to(MimeMessage[] messages, String address) {
        return Arrays.stream(messages)
                .filter(message -> {
                    try {
                        return message.getRecipients(Message.RecipientType.TO)[0]
                                .toString()
                                .contains(address);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no email to " + address));
    }

    private static void register(ApiClient api, String name, String role, String email) {
        Response registered =
                api.post("/api/v1/organisations", TestApiKeys.COORDINATOR, """
                {"name":"%s","country":"KG","type":"NGO","contactEmail":"%s","roles":["%s"]}""".formatted(name, email, role));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
