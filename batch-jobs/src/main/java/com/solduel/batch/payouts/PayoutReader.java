package com.solduel.batch.payouts;

import com.solduel.game.live.NodeIdentity;
import com.solduel.payout.PayoutBook;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the ids of the payouts the job works on (PayoutBook.open), oldest first, a page at a time.
 * Its checkpoint is the last id handed out; a restarted execution resumes after it.
 */
@Named("payoutReader")
@Dependent
public class PayoutReader extends AbstractItemReader {

    @EJB
    PayoutBook book;

    @Inject
    NodeIdentity node;

    @Inject
    @BatchProperty(name = "pageSize")
    String pageSize;

    private final Deque<Long> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint instanceof Long id ? id : 0L;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(book.open(lastId, size(), node.id()));
            exhausted = page.isEmpty();
        }
        Long next = page.poll();
        if (next != null) {
            lastId = next;
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }

    private int size() {
        try {
            return Math.max(1, Math.min(1000, Integer.parseInt(pageSize)));
        } catch (NumberFormatException | NullPointerException e) {
            return 100;
        }
    }
}
