/* Formatting on several threads, written in order: collab_i_textbuf_blocks (textbuf_internal.h).
 * A report or an export spends most of its time turning numbers into text (the shortest
 * round-trip decimal of a double costs about 20 ns), more than the kernel takes to copy the
 * bytes; so the items are cut into blocks, each thread formats the next block nobody has taken
 * into its own buffer, then waits for its turn and writes it. While one thread writes, the others
 * format. Blocks are taken in order and written in order, so the bytes do not depend on the
 * number of threads or on timing. */
#include "collab/alloc.h"

#include <pthread.h>
#include <unistd.h>

#include "textbuf_internal.h"

typedef struct block_writer {
    FILE *f;                           /* where blocks go, in order (borrowed) */
    size_t count, per_block, n_blocks; /* items, items per block, blocks */
    collab_i_textbuf_block_fn format;
    void *ctx;
    pthread_mutex_t lock; /* guards what follows */
    pthread_cond_t turn;  /* signalled when `written` grows or `failed` is set */
    size_t taken;         /* blocks handed to a thread */
    size_t written;       /* blocks written: the next to write is this one */
    bool failed;          /* a block failed: every thread stops */
} block_writer;

/* One thread's loop: take the next block, format it, write it in its turn. */
static void *write_blocks(void *arg)
{
    block_writer *w = arg;
    collab_i_textbuf own;
    collab_i_textbuf_init(&own, NULL); /* keeps its block; reused from block to block */
    for (;;) {
        pthread_mutex_lock(&w->lock);
        size_t block = w->taken;
        bool stop = w->failed || block >= w->n_blocks;
        w->taken += !stop;
        pthread_mutex_unlock(&w->lock);
        if (stop) {
            break;
        }
        size_t first = block * w->per_block;
        size_t end = w->count - first < w->per_block ? w->count : first + w->per_block;
        own.len = 0;
        bool ok = w->format(&own, first, end, w->ctx) && !own.failed;
        pthread_mutex_lock(&w->lock);
        while (ok && !w->failed && w->written != block) {
            pthread_cond_wait(&w->turn, &w->lock);
        }
        if (!ok) {
            w->failed = true;
        } else if (!w->failed) {
            /* Under the lock, so that blocks reach the stream in order; the other threads go on
             * formatting meanwhile. A write error stays in the stream's flag. */
            fwrite(own.data, 1, own.len, w->f);
            w->written++;
        }
        pthread_cond_broadcast(&w->turn);
        stop = w->failed;
        pthread_mutex_unlock(&w->lock);
        if (stop) {
            break;
        }
    }
    collab_i_textbuf_finish(&own);
    return NULL;
}

static int thread_count(int requested)
{
    long n = requested > 0 ? requested : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > COLLAB_I_TEXTBUF_MAX_THREADS ? COLLAB_I_TEXTBUF_MAX_THREADS : (int)n;
}

bool collab_i_textbuf_blocks(collab_i_textbuf *b, size_t count, size_t per_block, int threads,
                             collab_i_textbuf_block_fn format, void *ctx)
{
    if (b->failed) {
        return false;
    }
    per_block = per_block < 1 ? 1 : per_block;
    int n_threads = thread_count(threads);
    if (n_threads == 1 || b->f == NULL || count <= per_block) {
        if (!format(b, 0, count, ctx)) {
            b->failed = true;
        }
        return !b->failed;
    }
    collab_i_textbuf_flush(b); /* what precedes the blocks */
    block_writer w = {
        .f = b->f,
        .count = count,
        .per_block = per_block,
        .n_blocks = (count - 1) / per_block + 1,
        .format = format,
        .ctx = ctx,
    };
    pthread_mutex_init(&w.lock, NULL);
    pthread_cond_init(&w.turn, NULL);
    pthread_t helpers[COLLAB_I_TEXTBUF_MAX_THREADS];
    bool started[COLLAB_I_TEXTBUF_MAX_THREADS] = {false};
    for (int t = 1; t < n_threads; t++) {
        /* A helper that cannot start leaves its blocks to the others: blocks are taken, not
         * assigned. */
        started[t] = pthread_create(&helpers[t], NULL, write_blocks, &w) == 0;
    }
    write_blocks(&w);
    for (int t = 1; t < n_threads; t++) {
        if (started[t]) {
            pthread_join(helpers[t], NULL);
        }
    }
    pthread_cond_destroy(&w.turn);
    pthread_mutex_destroy(&w.lock);
    if (w.failed) {
        b->failed = true;
    }
    return !w.failed;
}
