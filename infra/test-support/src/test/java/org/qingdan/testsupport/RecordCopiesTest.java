package org.qingdan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCopiesTest {

    record Original(String name, List<Part> parts, int year) {
        record Part(String id, long size) {
        }
    }

    record Copy(String name, List<Part> parts, int year) {
        record Part(String id, long size) {
        }
    }

    record Short(String name, List<Part> parts) {
        record Part(String id, long size) {
        }
    }

    record Reordered(String name, int year, List<Part> parts) {
        record Part(String id, long size) {
        }
    }

    record NestedDiffers(String name, List<Part> parts, int year) {
        record Part(String id, int size) {
        }
    }

    record NestedMissing(String name, List<String> parts, int year) {
    }

    /** A record two originals share, and its copy beside the copies of both. */
    record SharedOriginal(String id, long size) {
    }

    record SharedCopy(String id, long size) {
    }

    record Holder(String name, List<SharedOriginal> files) {
    }

    record HolderCopy(String name, List<SharedCopy> files) {
    }

    @Test
    void a_copy_declared_elsewhere_counts_as_its_original_where_it_is_named() {
        assertThat(RecordCopies.differences(HolderCopy.class, Holder.class, Map.of(SharedCopy.class, SharedOriginal.class))).isEmpty();
        assertThat(RecordCopies.differences(HolderCopy.class, Holder.class)).singleElement().asString().startsWith("Holder:");
        assertThat(RecordCopies.differences(HolderCopy.class, Holder.class, Map.of(Copy.Part.class, SharedOriginal.class)))
                .singleElement().asString().startsWith("Holder:");
    }

    @Test
    void a_complete_copy_has_no_differences() {
        assertThat(RecordCopies.differences(Copy.class, Original.class)).isEmpty();
    }

    @Test
    void a_missing_reordered_or_retyped_component_or_a_missing_nested_record_is_a_difference() {
        assertThat(RecordCopies.differences(Short.class, Original.class)).singleElement().asString().startsWith("Original:");
        assertThat(RecordCopies.differences(Reordered.class, Original.class)).singleElement().asString().startsWith("Original:");
        assertThat(RecordCopies.differences(NestedDiffers.class, Original.class)).singleElement().asString().startsWith("Part:");
        assertThat(RecordCopies.differences(NestedMissing.class, Original.class)).contains("missing nested record Part");
    }
}
