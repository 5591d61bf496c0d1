package org.aidmatch.service.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import org.aidmatch.contracts.regions.Regions;

/** An ISO 3166-1 alpha-2 country code, in any case; {@code null} passes. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CountryCode.Check.class)
public @interface CountryCode {

    String message() default "is not an ISO 3166-1 alpha-2 country code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<CountryCode, String> {
        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || Regions.isCountry(code.toUpperCase(Locale.ROOT));
        }
    }
}
