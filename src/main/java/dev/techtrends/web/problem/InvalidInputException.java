package dev.techtrends.web.problem;

import java.util.List;

/** Request input that is well-formed HTTP but breaks a rule; answered as 400 with the offending fields. */
public class InvalidInputException extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public InvalidInputException(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String reason) {
        this("Invalid value for '" + field + "': " + reason, List.of(new Problem.FieldError(field, reason)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
