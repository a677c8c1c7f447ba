package org.qingdan.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * For a service's own copy of a contract record (what it stores, mapped at its adapters): whether the copy still has
 * the original's components, by name and type, in the original's order, and the same nested records. A component the
 * contract gains then fails a test instead of being dropped silently by the mapping.
 */
public final class RecordCopies {

    /**
     * What differs between {@code copy} and {@code original}: one line per record whose components differ, and per
     * nested record missing on either side; empty when the copy is complete. The copy's own nested types count as the
     * original's of the same simple name.
     */
    public static List<String> differences(Class<?> copy, Class<?> original) {
        List<String> out = new ArrayList<>();
        compare(copy, original, copy, original, out);
        List<String> ownNested = nestedRecords(copy).stream().map(Class::getSimpleName).toList();
        List<String> theirNested = nestedRecords(original).stream().map(Class::getSimpleName).toList();
        for (Class<?> nested : nestedRecords(original)) {
            Optional<Class<?>> own = nestedRecords(copy).stream().filter(c -> c.getSimpleName().equals(nested.getSimpleName())).findFirst();
            if (own.isEmpty()) {
                out.add("missing nested record " + nested.getSimpleName());
            } else {
                compare(own.get(), nested, copy, original, out);
            }
        }
        ownNested.stream().filter(n -> !theirNested.contains(n)).forEach(n -> out.add("nested record " + n + " not in the original"));
        return out;
    }

    private static void compare(Class<?> copyRecord, Class<?> originalRecord, Class<?> copy, Class<?> original, List<String> out) {
        List<String> mine = shape(copyRecord, copy, original);
        List<String> theirs = shape(originalRecord, original, original);
        if (!mine.equals(theirs)) {
            out.add(originalRecord.getSimpleName() + ": " + mine + " instead of " + theirs);
        }
    }

    /** Each component's name and type, the copy's own nested types named as the original's. */
    private static List<String> shape(Class<?> record, Class<?> copy, Class<?> original) {
        return Arrays.stream(record.getRecordComponents())
                .map(c -> c.getName() + " " + c.getGenericType().getTypeName().replace(copy.getName(), original.getName()))
                .toList();
    }

    private static List<Class<?>> nestedRecords(Class<?> type) {
        return Arrays.stream(type.getDeclaredClasses()).filter(Class::isRecord).toList();
    }

    private RecordCopies() {
    }
}
