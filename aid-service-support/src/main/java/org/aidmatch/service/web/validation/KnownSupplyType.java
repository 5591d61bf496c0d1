package org.aidmatch.service.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.aidmatch.service.catalogue.LiveCatalogue;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A code of the live supply catalogue that takes new postings (not retired); {@code null} passes,
 * so pair it with {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownSupplyType.Check.class)
public @interface KnownSupplyType {

    String message() default "is not a supply type of the catalogue (see GET /api/v1/supply-types)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<KnownSupplyType, String> {

        private final LiveCatalogue catalogue;

        /** Outside Spring (a plain validator in a test): the seed catalogue alone. */
        public Check() {
            this(new LiveCatalogue());
        }

        @Autowired
        public Check(LiveCatalogue catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            if (code == null) {
                return true;
            }
            return catalogue
                    .refusalOfNewPosting(code)
                    .map(refusal -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(refusal).addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
