package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.ServiceOverHttpTest;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Needs lists uploaded as CSV and .xlsx, through the real HTTP stack onto a real broker. */
class RequestImportIT extends ServiceOverHttpTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final String marker = UUID.randomUUID().toString();

    @Test
    void every_row_is_checked_first_and_a_list_with_a_bad_row_posts_nothing() {
        String csv = """
                Supply type,Quantity,Country,Urgency,Needed by,Note
                #item+code,#item+num+needed,#country+code,#severity,#date+needed,#description+notes
                PPE-GOWN,200,KE,HIGH,,%1$s
                PPE-UNICORN,lots,XX,SOON,2020-01-01,%1$s
                """.formatted(marker);

        JsonNode checked = upload(csv, "text/csv", true).json();
        assertThat(checked.path("rows").asInt()).isEqualTo(2);
        assertThat(checked.path("valid").asInt()).isEqualTo(1);
        JsonNode bad = checked.path("results").get(1);
        assertThat(bad.path("row").asInt()).as("as the spreadsheet numbers it").isEqualTo(4);
        assertThat(bad.path("outcome").asString()).isEqualTo("INVALID");
        assertThat(bad.path("errors").findValuesAsString("field"))
                .containsExactly("country", "neededBy", "quantity", "supplyType", "urgency");

        Response refused = upload(csv, "text/csv", false);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("rows")).hasSize(1);
        assertThat(api.get("/api/v1/requests?size=100", TestApiKeys.REQUESTER).body())
                .doesNotContain(marker);
    }

    @Test
    void an_xlsx_list_with_only_hashtags_posts_each_row_once_however_often_it_is_uploaded() throws IOException {
        byte[] sheet = xlsx(
                List.of("#country+code", "#item+num+needed", "#item+code", "#description+notes", "#date+needed"),
                List.of("TZ", 1500d, "DX-ANTIGEN-RDT", marker, "2099-05-01"),
                List.of("TZ", 1500d, "DX-ANTIGEN-RDT", marker, "2099-05-01"),
                List.of("UG", 40d, "EQ-PULSE-OXIMETER", marker, ""));

        JsonNode posted = upload(sheet, XLSX, false).json();
        assertThat(posted.path("posted").asInt())
                .as("two identical rows are two needs")
                .isEqualTo(3);
        JsonNode again = upload(sheet, XLSX, false).json();
        assertThat(again.path("posted").asInt()).isZero();
        assertThat(again.path("alreadyPosted").asInt()).isEqualTo(3);
        assertThat(again.path("results").findValuesAsString("id"))
                .containsExactlyElementsOf(posted.path("results").findValuesAsString("id"));

        Set<String> ids = new HashSet<>(posted.path("results").findValuesAsString("id"));
        try (TopicReader<RequestEvent> requests = TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.REQUESTS)) {
            List<RequestPosted> onTopic =
                    requests.awaitAll(values -> mine(values, ids).size() >= 3, Duration.ofSeconds(10)).stream()
                            .filter(event ->
                                    event instanceof RequestPosted posting && ids.contains(posting.requestId()))
                            .map(RequestPosted.class::cast)
                            .toList();
            assertThat(onTopic).as("each row once on the topic").hasSize(3);
            assertThat(onTopic).extracting(RequestPosted::organization).containsOnly(TestApiKeys.REQUESTER_ORG);
            assertThat(onTopic)
                    .filteredOn(event -> event.country().equals("TZ"))
                    .extracting(event -> event.neededBy().toString())
                    .containsOnly("2099-05-01");
        }
    }

    @Test
    void the_template_downloads_with_headings_and_hxl_hashtags_and_reads_back_as_one_valid_row() throws IOException {
        Response template = api.get("/api/v1/requests/imports/template?format=xlsx", TestApiKeys.REQUESTER);
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("Content-Disposition")).contains("aidmatch-needs-template.xlsx");
        Response csv = api.get("/api/v1/requests/imports/template?format=csv", TestApiKeys.REQUESTER);
        assertThat(csv.body().lines().toList().get(1)).startsWith("#item+code,#item+num+needed,#country+code");

        JsonNode checked = upload(csv.body(), "text/csv", true).json();
        assertThat(checked.path("valid").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/requests/imports/template?format=pdf", TestApiKeys.REQUESTER)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void a_donor_a_misspelt_column_and_a_sheet_over_5000_rows_are_refused_with_problems() {
        assertThat(upload("#item+code\nPPE-GOWN\n", "text/csv", true, TestApiKeys.DONOR)
                        .status())
                .isEqualTo(403);
        Response misspelt = upload("Supply type,Quantty\nPPE-GOWN,5\n", "text/csv", true);
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.json().path("detail").asString()).contains("Quantty");
        StringBuilder large = new StringBuilder("#item+code,#item+num,#country+code\n");
        for (int i = 0; i < 5_001; i++) {
            large.append("PPE-GOWN,").append(i + 1).append(",KE\n");
        }
        Response tooMany = upload(large.toString(), "text/csv", true);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("detail").asString()).contains("5000");
        Response notASheet = upload(new byte[] {'P', 'K', 3, 4, 0, 0}, XLSX, true);
        assertThat(notASheet.status()).isEqualTo(400);
        assertThat(notASheet.contentType()).startsWith("application/problem+json");
    }

    @Test
    void five_thousand_rows_post_in_one_upload() {
        StringBuilder list = new StringBuilder("Supply type,Quantity,Country,Note\n");
        for (int i = 0; i < 5_000; i++) {
            list.append("HY-DISINFECTANT,")
                    .append(i + 1)
                    .append(",KE,")
                    .append(marker)
                    .append('\n');
        }
        Response posted = upload(list.toString(), "text/csv", false);
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.json().path("posted").asInt()).isEqualTo(5_000);
        assertThat(api.get("/api/v1/requests?supplyType=HY-DISINFECTANT&size=1", TestApiKeys.REQUESTER)
                        .json()
                        .path("total")
                        .asInt())
                .isGreaterThanOrEqualTo(5_000);
    }

    private static List<RequestEvent> mine(List<RequestEvent> values, Set<String> ids) {
        return values.stream()
                .filter(event -> event instanceof RequestPosted posting && ids.contains(posting.requestId()))
                .toList();
    }

    private Response upload(String csv, String type, boolean dryRun) {
        return upload(csv.getBytes(StandardCharsets.UTF_8), type, dryRun);
    }

    private Response upload(String csv, String type, boolean dryRun, String key) {
        return send(csv.getBytes(StandardCharsets.UTF_8), type, dryRun, key);
    }

    private Response upload(byte[] body, String type, boolean dryRun) {
        return send(body, type, dryRun, TestApiKeys.REQUESTER);
    }

    private Response send(byte[] body, String type, boolean dryRun, String key) {
        HttpRequest.Builder request = api.request("/api/v1/requests/imports?dryRun=" + dryRun, key)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return api.send(request);
    }

    private static byte[] xlsx(List<String> hashtags, List<?>... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            Row head = sheet.createRow(0);
            for (int c = 0; c < hashtags.size(); c++) {
                head.createCell(c).setCellValue(hashtags.get(c));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].size(); c++) {
                    Object value = rows[r].get(c);
                    if (value instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else {
                        row.createCell(c).setCellValue((String) value);
                    }
                }
            }
            workbook.write(out);
            // reading it back is the service's job; check here only that POI wrote a workbook
            new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray())).close();
            return out.toByteArray();
        }
    }
}
