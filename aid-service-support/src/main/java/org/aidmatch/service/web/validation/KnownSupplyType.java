package org.aidmatch.service.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;

/** A code of the supply catalogue; {@code null} passes, so pair it with {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownSupplyType.Check.class)
public @interface KnownSupplyType {

    String message() default "is not a supply type of the catalogue (see GET /api/v1/supply-types)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<KnownSupplyType, String> {
        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || SupplyCatalogue.standard().contains(code);
        }
    }
}
