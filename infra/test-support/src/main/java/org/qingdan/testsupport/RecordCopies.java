package org.qingdan.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        return differences(copy, original, Map.of());
    }

    /**
     * As {@link #differences(Class, Class)}, where the copy's components may also use copies declared elsewhere:
     * {@code alsoCopies} maps each to the contract record it copies (a record that two contract records share, as
     * a file reference, is one copy beside both). Those copies are checked with their own call.
     */
    public static List<String> differences(Class<?> copy, Class<?> original, Map<Class<?>, Class<?>> alsoCopies) {
        List<String> out = new ArrayList<>();
        compare(copy, original, copy, original, alsoCopies, out);
        List<String> ownNested = nestedRecords(copy).stream().map(Class::getSimpleName).toList();
        List<String> theirNested = nestedRecords(original).stream().map(Class::getSimpleName).toList();
        for (Class<?> nested : nestedRecords(original)) {
            Optional<Class<?>> own = nestedRecords(copy).stream().filter(c -> c.getSimpleName().equals(nested.getSimpleName())).findFirst();
            if (own.isEmpty()) {
                out.add("missing nested record " + nested.getSimpleName());
            } else {
                compare(own.get(), nested, copy, original, alsoCopies, out);
            }
        }
        ownNested.stream().filter(n -> !theirNested.contains(n)).forEach(n -> out.add("nested record " + n + " not in the original"));
        return out;
    }

    private static void compare(Class<?> copyRecord, Class<?> originalRecord, Class<?> copy, Class<?> original,
                                Map<Class<?>, Class<?>> alsoCopies, List<String> out) {
        List<String> mine = shape(copyRecord, copy, original, alsoCopies);
        List<String> theirs = shape(originalRecord, original, original, Map.of());
        if (!mine.equals(theirs)) {
            out.add(originalRecord.getSimpleName() + ": " + mine + " instead of " + theirs);
        }
    }

    /** Each component's name and type, the copy's own nested types and the other copies named as the originals. */
    private static List<String> shape(Class<?> record, Class<?> copy, Class<?> original, Map<Class<?>, Class<?>> alsoCopies) {
        return Arrays.stream(record.getRecordComponents())
                .map(c -> c.getName() + " " + named(c.getGenericType().getTypeName(), alsoCopies).replace(copy.getName(), original.getName()))
                .toList();
    }

    /** A type name with each other copy named as its original (before the copy's own name, which may enclose them). */
    private static String named(String typeName, Map<Class<?>, Class<?>> alsoCopies) {
        String out = typeName;
        for (var each : alsoCopies.entrySet()) {
            out = out.replace(each.getKey().getName(), each.getValue().getName());
        }
        return out;
    }

    private static List<Class<?>> nestedRecords(Class<?> type) {
        return Arrays.stream(type.getDeclaredClasses()).filter(Class::isRecord).toList();
    }

    private RecordCopies() {
    }
}
