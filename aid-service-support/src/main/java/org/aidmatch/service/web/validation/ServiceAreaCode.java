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

/** An ISO 3166-1 alpha-2 country (any case) or a UN M49 three-digit area code; {@code null} passes. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ServiceAreaCode.Check.class)
public @interface ServiceAreaCode {

    String message() default "is neither an ISO 3166-1 alpha-2 country nor a UN M49 area code such as 014 or 001";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<ServiceAreaCode, String> {
        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || Regions.isServiceAreaCode(code.toUpperCase(Locale.ROOT));
        }
    }
}
