package dev.techtrends.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of a request body that must be one of an enum's {@link Labels}: "must be one of a, b, c" otherwise.
 * Null is left to {@code @NotNull}.
 */
@Constraint(validatedBy = OneOf.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, String> {
        private Class<? extends Enum<?>> type;

        @Override
        public void initialize(OneOf annotation) {
            type = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Labels.all(type).contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(Labels.mustBeOneOf(type)).addConstraintViolation();
            return false;
        }
    }
}
