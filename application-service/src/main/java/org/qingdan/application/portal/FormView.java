package org.qingdan.application.portal;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.qingdan.application.intake.domain.ApplicationForm;
import org.qingdan.application.intake.domain.FormRules;
import org.springframework.context.MessageSource;

/**
 * The draft as the step pages show it: every value under its field path ({@code applicant.name},
 * {@code participants[0].uscc}), so that one template fragment draws any input with its label, Annex 2's guidance, the
 * live counter and the error beside it. Ids are the paths with {@code .} and {@code [i]} made into dashes
 * ({@code participants-0-uscc}): the error summary links to them.
 */
public final class FormView {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors;
    private final MessageSource messages;
    private final Locale locale;

    FormView(ApplicationForm form, Map<String, String> errorsById, MessageSource messages, Locale locale) {
        this.errors = errorsById;
        this.messages = messages;
        this.locale = locale;
        flatten(form, "", values);
    }

    /** The id of a field's input. */
    public static String id(String field) {
        return field.replaceAll("\\[(\\d+)\\]", "-$1").replace('.', '-');
    }

    /** {@link #id} for the templates. */
    public String anchor(String field) {
        return id(field);
    }

    /** The field without row numbers: the key of its label and guidance ({@code participants.uscc}). */
    public static String key(String field) {
        return field.replaceAll("\\[\\d+\\]", "");
    }

    /** The value of a field; a list of texts (the key technologies) as one line. */
    public String value(String field) {
        String v = values.get(field);
        if (v == null && size(field) > 0) {
            return String.join("、", values.entrySet().stream().filter(e -> e.getKey().startsWith(field + "["))
                    .map(Map.Entry::getValue).toList());
        }
        return v;
    }

    /** Whether a list field (the scenarios) holds this value. */
    public boolean has(String field, String value) {
        return values.entrySet().stream().anyMatch(e -> e.getKey().startsWith(field + "[") && e.getValue().equals(value));
    }

    /** How many entries of a list the draft has ({@code product.honours}). */
    public int size(String list) {
        return (int) values.keySet().stream().filter(k -> k.startsWith(list + "["))
                .map(k -> k.substring(0, k.indexOf(']') + 1)).distinct().count();
    }

    /** Rows a list's step offers: those filled and two empty ones, at most {@code max}. */
    public int rows(String list, int max) {
        return Math.min(max, size(list) + PortalForm.EXTRA_ROWS);
    }

    /** Characters as a reader counts them (code points), as {@link FormRules#length} does. */
    public int count(String field) {
        String v = values.get(field);
        return v == null ? 0 : FormRules.length(v);
    }

    public String error(String field) {
        return errors.get(id(field));
    }

    /** Annex 2's guidance for the field, when it has some. */
    public String hint(String field) {
        return messages.getMessage("hint." + key(field), null, null, locale);
    }

    public String label(String field) {
        return messages.getMessage("f." + key(field), null, key(field), locale);
    }

    /** The ids that describe the input: its guidance, its counter, its error. */
    public String describedBy(String field, int max) {
        StringJoiner ids = new StringJoiner(" ");
        if (hint(field) != null) {
            ids.add(id(field) + "-hint");
        }
        if (max > 0) {
            ids.add(id(field) + "-count");
        }
        if (error(field) != null) {
            ids.add(id(field) + "-error");
        }
        return ids.length() == 0 ? null : ids.toString();
    }

    private static void flatten(Object o, String path, Map<String, String> into) {
        if (o == null) {
            return;
        }
        if (o instanceof String || o instanceof Boolean || o instanceof LocalDate) {
            into.put(path, o.toString());
        } else if (o instanceof Enum<?> e) {
            into.put(path, e.name());
        } else if (o instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                flatten(item, path + "[" + i++ + "]", into);
            }
        } else if (o.getClass().isRecord()) {
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                try {
                    flatten(c.getAccessor().invoke(o), path.isEmpty() ? c.getName() : path + "." + c.getName(), into);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
