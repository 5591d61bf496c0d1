package org.aidmatch.offer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import java.util.List;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.offer.view.OfferView;
import org.aidmatch.service.imports.BulkImport;
import org.aidmatch.service.imports.ImportColumn;
import org.aidmatch.service.imports.ImportLayout;
import org.aidmatch.service.imports.ImportReport;
import org.aidmatch.service.imports.ImportTemplate;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.kafka.TopicFollower;
import org.aidmatch.service.problem.Problems;
import org.aidmatch.service.security.Caller;
import org.aidmatch.service.web.IdempotencyKeys;
import org.aidmatch.service.web.ReadYourWrites;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An offers list uploaded as a spreadsheet: checked row by row, then posted as one offer per row. */
@RestController
@RequestMapping(path = "/api/v1/offers/imports")
@Tag(name = "Offers", description = "Offers that donors post, follow and withdraw")
class OfferImportController {

    static final ImportLayout LAYOUT = new ImportLayout(
            "offers",
            List.of(
                    new ImportColumn("supplyType", "Supply type", "#item+code", "PPE-RESPIRATOR"),
                    new ImportColumn("quantity", "Quantity", "#item+num+offered", "20000"),
                    new ImportColumn("serviceArea", "Service area", "#region+code", "014 143"),
                    new ImportColumn("availableUntil", "Available until", "#date+end", ""),
                    new ImportColumn("autoAccept", "Auto-accept", "#meta+autoaccept", "no"),
                    new ImportColumn("note", "Note", "#description+notes", "Ships from Almaty within 5 days")));

    private final EventPublisher publisher;
    private final OfferView view;
    private final ReadYourWrites reads;
    private final BulkImport<PostOfferBody> importer;

    OfferImportController(EventPublisher publisher, OfferView view, TopicFollower follower, Validator validator) {
        this.publisher = publisher;
        this.view = view;
        this.reads = new ReadYourWrites(publisher, follower, ReadYourWrites.DEFAULT_WAIT);
        this.importer = new BulkImport<>(
                LAYOUT,
                fields -> new PostOfferBody(
                        fields.text("supplyType"),
                        fields.whole("quantity"),
                        fields.list("serviceArea"),
                        fields.date("availableUntil"),
                        fields.text("note"),
                        fields.yesNo("autoAccept")),
                validator);
    }

    @Operation(
            operationId = "importOffers",
            summary = "Upload an offers list",
            description =
                    "A CSV file or an .xlsx workbook with a row per offer, headed as the template is (headings, HXL hashtags, or both). Every row is checked as a single post would be. With dryRun=true nothing is posted and every row's result is returned. Without it, the rows are posted only if all are valid (otherwise 422 with each invalid row's errors); each row posts under a key derived from its content, so uploading the same list again posts nothing twice. At most 5,000 rows and 4 MiB.")
    @ApiResponse(
            responseCode = "200",
            description = "Each row's result: checked, or posted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(
            responseCode = "422",
            description = "A row is invalid, so nothing was posted: rows lists each invalid row and its errors",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(
            consumes = {"text/csv", ImportTemplate.XLSX_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ImportReport upload(
            @AuthenticationPrincipal Caller caller,
            @RequestBody byte[] sheet,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
            @Parameter(description = "Check every row and post nothing") @RequestParam(defaultValue = "false")
                    boolean dryRun) {
        if (!caller.is(Role.DONOR)) {
            throw Problems.forbidden("Only organisations with the DONOR role may post offers.");
        }
        reads.catchUp();
        return importer.run(
                sheet,
                type,
                dryRun,
                key -> IdempotencyKeys.idFor("offer", caller, key),
                id -> view.find(id).isPresent(),
                postings -> publisher.publishAll(
                        Topics.OFFERS,
                        postings.stream()
                                .map(posting -> OfferController.posting(caller, posting.body(), posting.id()))
                                .toList()));
    }

    @Operation(
            operationId = "offerImportTemplate",
            summary = "Download the offers-list template",
            description = "format=xlsx (default) or csv: headings, the HXL hashtag row, and an example row.")
    @ApiResponse(
            responseCode = "200",
            description = "The template, as a download",
            content = {
                @Content(mediaType = ImportTemplate.XLSX_TYPE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @GetMapping("/template")
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format) {
        return ImportTemplate.download(LAYOUT, format);
    }
}
