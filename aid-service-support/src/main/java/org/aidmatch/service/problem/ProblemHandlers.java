package org.aidmatch.service.problem;

import java.net.URI;
import java.util.List;
import org.aidmatch.service.kafka.BrokerUnavailable;
import org.aidmatch.service.kafka.ViewNotLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error an AidMatch API returns is RFC 9457 {@code application/problem+json}. Spring's own
 * exceptions (405, 406, 415, ...) get the standard treatment; this adds the field list for
 * validation failures, readable messages for malformed JSON, and 503 when Kafka is away or the view
 * is still loading.
 */
@RestControllerAdvice
public class ProblemHandlers extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    /** One field that failed validation. */
    public record FieldError(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body has " + errors.size() + " invalid field(s).");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLarge large = cause(e, RequestBodyTooLarge.class);
        if (large != null) {
            ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE, "The request body may be at most " + large.limit() + " bytes.");
            tooLarge.setTitle("Request body too large");
            return handleExceptionInternal(e, tooLarge, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, readableCause(e));
        problem.setTitle("Malformed request body");
        if (e.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            problem.setProperty("errors", List.of(new FieldError(path(mismatch), problem.getDetail())));
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(BrokerUnavailable.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(BrokerUnavailable e) {
        log.warn("Answering 503: {}", e.getMessage(), e.getCause());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The event store did not confirm the write, so nothing was recorded. Please retry.");
        problem.setTitle("Event store unavailable");
        problem.setType(URI.create("https://aidmatch.org/problems/event-store-unavailable"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }

    @ExceptionHandler(ViewNotLoaded.class)
    ResponseEntity<ProblemDetail> viewNotLoaded(ViewNotLoaded e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, e.getMessage() + ", so it cannot answer yet. Please retry.");
        problem.setTitle("Still starting");
        problem.setType(URI.create("https://aidmatch.org/problems/view-loading"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String readableCause(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'. Allowed fields: " + unknown.getKnownPropertyIds()
                    + ".";
        }
        if (cause instanceof MismatchedInputException mismatch
                && mismatch.getTargetType() != null
                && mismatch.getTargetType().isEnum()) {
            return "Field '" + path(mismatch) + "' must be one of "
                    + java.util.Arrays.toString(mismatch.getTargetType().getEnumConstants()) + ", by name.";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return "Field '" + path(mismatch) + "' has the wrong type or form: " + mismatch.getOriginalMessage();
        }
        return "The body is not valid JSON.";
    }

    private static String path(MismatchedInputException e) {
        return String.join(
                ".",
                e.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .toList());
    }
}
