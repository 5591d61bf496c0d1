package org.aidmatch.service.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A date that is today or later in UTC; {@code null} passes. AidMatch dates are UTC whatever zone
 * the server runs in, so {@code @FutureOrPresent} (which uses the server's zone) would not do.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotBeforeTodayUtc.Check.class)
public @interface NotBeforeTodayUtc {

    String message() default "must be today or later (UTC)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<NotBeforeTodayUtc, LocalDate> {
        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || !date.isBefore(LocalDate.now(ZoneOffset.UTC));
        }
    }
}
