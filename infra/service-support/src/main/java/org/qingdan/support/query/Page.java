package org.qingdan.support.query;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items, which page (from 0), the page size, and how many there are in all. The one page type
 * of every read side: a store fills it from one counted, paged query, a query service maps its items to views, the
 * web answers with it. Framework-free, so a domain or a view may hold it.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
    }
}
