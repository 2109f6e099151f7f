package org.switchboard.validation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an entity against its Bean Validation constraints (its columns' sizes) before it is written, so that input
 * that does not fit is refused where it arrives, with a reason, rather than failing the transaction at commit.
 */
public final class Checks {

    private static volatile Validator validator;

    private Checks() {
    }

    /** The entity, if it fits its constraints; otherwise {@link InvalidFieldException} naming each field. */
    public static <T> T valid(T entity) {
        Set<ConstraintViolation<T>> violations = validator().validate(entity);
        if (!violations.isEmpty()) {
            throw new InvalidFieldException(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(Checks::describe)
                    .collect(Collectors.joining("; ")));
        }
        return entity;
    }

    /**
     * The managed entity, if its changes fit its constraints; otherwise its changes are undone (so that the
     * transaction can still commit what else it did) and {@link InvalidFieldException} names each field.
     */
    public static <T> T validOrUndo(EntityManager em, T entity) {
        try {
            return valid(entity);
        } catch (InvalidFieldException e) {
            try {
                em.refresh(entity);
            } catch (IllegalArgumentException | PersistenceException notStoredYet) {
                em.detach(entity);
            }
            throw e;
        }
    }

    /** Refuses a text longer than {@code max} characters, named as the API names it. */
    public static String atMost(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidFieldException(field + " is longer than " + max + " characters");
        }
        return value;
    }

    private static String describe(ConstraintViolation<?> violation) {
        String field = snakeCase(violation.getPropertyPath().toString());
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        if (violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.Size) {
            return field + " is longer than " + max + " characters";
        }
        return field + " " + violation.getMessage();
    }

    static String snakeCase(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Validator validator() {
        Validator v = validator;
        if (v == null) {
            v = Validation.buildDefaultValidatorFactory().getValidator();
            validator = v;
        }
        return v;
    }
}
