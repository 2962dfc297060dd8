/*
 * api.c — the public name-analysis API over cordon__analyze().
 */
#include "text/text_int.h"

#include <string.h>

struct cordon_analysis {
    cordon__alloc alloc; /* copied from the options */
    cordon__analysis a;
    cordon__buf json;
    int json_valid;
};

int cordon_analyze_name(const char *name, size_t len, int type, const cordon_options *opts,
                        cordon_analysis **out, cordon_error *err)
{
    if (!out)
        return cordon__err(err, CORDON_E_INVALID, "cordon_analyze_name: out is NULL");
    if (type < CORDON_TYPE_UNKNOWN || type > CORDON_TYPE_AIRCRAFT)
        return cordon__err(err, CORDON_E_INVALID, "cordon_analyze_name: unknown type %d", type);
    const cordon_options *o = cordon__options_or_default(opts);
    cordon_analysis *r = *out;
    if (!r) {
        const cordon__alloc *al = cordon__alloc_of(opts);
        r = cordon__calloc(al, 1, sizeof *r);
        if (!r)
            return cordon__err(err, CORDON_E_NOMEM, "cordon_analyze_name: out of memory");
        r->alloc = *al;
        cordon__analysis_init(&r->a, &r->alloc);
        cordon__buf_init(&r->json, &r->alloc);
        *out = r;
    }
    r->json_valid = 0;
    size_t max = o->max_name_bytes > 0 ? (size_t)o->max_name_bytes : 0;
    return cordon__analyze(&r->a, name, len, type, max, err);
}

void cordon_analysis_free(cordon_analysis *a)
{
    if (!a)
        return;
    cordon__alloc al = a->alloc;
    cordon__analysis_destroy(&a->a);
    cordon__buf_free(&a->json);
    cordon__free(&al, a);
}

const char *cordon_analysis_normalized(const cordon_analysis *a, size_t *len)
{
    if (len)
        *len = a ? a->a.text_len : 0;
    if (!a)
        return NULL;
    return a->a.text ? a->a.text : "";
}

size_t cordon_analysis_token_count(const cordon_analysis *a)
{
    return a ? a->a.ntok : 0;
}

static const cordon__token *tok_at(const cordon_analysis *a, size_t i)
{
    if (!a || i >= a->a.ntok)
        return NULL;
    return &a->a.tok[i];
}

const char *cordon_analysis_token_text(const cordon_analysis *a, size_t i, size_t *len)
{
    const cordon__token *t = tok_at(a, i);
    if (len)
        *len = t ? t->len : 0;
    return t ? a->a.text + t->off : NULL;
}

int cordon_analysis_token_kind(const cordon_analysis *a, size_t i)
{
    const cordon__token *t = tok_at(a, i);
    return t ? t->kind : -1;
}

const char *cordon_analysis_token_legal_class(const cordon_analysis *a, size_t i)
{
    const cordon__token *t = tok_at(a, i);
    return t && t->kind == CORDON__TOK_LEGAL ? cordon__legal_class_name(t->legal_class) : NULL;
}

const char *cordon_analysis_token_script(const cordon_analysis *a, size_t i)
{
    const cordon__token *t = tok_at(a, i);
    return t ? cordon__script_name(t->script) : NULL;
}

const char *cordon_analysis_token_skeleton(const cordon_analysis *a, size_t i, size_t *len)
{
    const cordon__token *t = tok_at(a, i);
    if (len)
        *len = t ? t->skel_len : 0;
    return t ? a->a.text + t->skel_off : NULL;
}

const char *cordon_analysis_token_phonetic(const cordon_analysis *a, size_t i, int which,
                                           size_t *len)
{
    const cordon__token *t = tok_at(a, i);
    if (len)
        *len = 0;
    if (!t || which < 0 || which > 1)
        return NULL;
    if (len)
        *len = strlen(t->phon[which]);
    return t->phon[which];
}

int cordon_analysis_token_span(const cordon_analysis *a, size_t i, size_t *offset, size_t *len)
{
    const cordon__token *t = tok_at(a, i);
    if (!t)
        return CORDON_E_RANGE;
    if (offset)
        *offset = t->src_off;
    if (len)
        *len = t->src_len;
    return CORDON_OK;
}

const char *cordon_analysis_json(cordon_analysis *a, size_t *len)
{
    if (len)
        *len = 0;
    if (!a)
        return NULL;
    if (a->json_valid) {
        if (len)
            *len = a->json.len;
        return a->json.data;
    }
    static const char *const types[] = {"unknown", "person", "organization", "vessel", "aircraft"};
    cordon__buf *b = &a->json;
    cordon__buf_reset(b);
    const cordon__analysis *x = &a->a;
    int ty = x->type_hint >= 0 && x->type_hint <= 4 ? x->type_hint : 0;
    cordon__buf_printf(b, "{\"type\":\"%s\",\"normalized\":", types[ty]);
    cordon__buf_json_str(b, x->text ? x->text : "", x->text_len);
    cordon__buf_puts(b, ",\"tokens\":[");
    for (size_t i = 0; i < x->ntok; i++) {
        const cordon__token *t = &x->tok[i];
        cordon__buf_puts(b, i ? ",{\"text\":" : "{\"text\":");
        cordon__buf_json_str(b, x->text + t->off, t->len);
        cordon__buf_printf(b, ",\"kind\":\"%s\"", cordon__token_kind_name(t->kind));
        if (t->kind == CORDON__TOK_LEGAL)
            cordon__buf_printf(b, ",\"legal_class\":\"%s\"",
                               cordon__legal_class_name(t->legal_class));
        if (t->kind == CORDON__TOK_NUMBER)
            cordon__buf_printf(b, ",\"number\":%lld", (long long)t->number);
        cordon__buf_printf(b, ",\"script\":\"%s\",\"skeleton\":", cordon__script_name(t->script));
        cordon__buf_json_str(b, x->text + t->skel_off, t->skel_len);
        cordon__buf_puts(b, ",\"phonetic\":[");
        cordon__buf_json_str(b, t->phon[0], strlen(t->phon[0]));
        cordon__buf_putc(b, ',');
        cordon__buf_json_str(b, t->phon[1], strlen(t->phon[1]));
        cordon__buf_printf(b, "],\"offset\":%u,\"length\":%u", (unsigned)t->src_off,
                           (unsigned)t->src_len);
        if (t->flags & CORDON__TF_HYPHEN_JOINED)
            cordon__buf_puts(b, ",\"hyphen_joined\":true");
        cordon__buf_putc(b, '}');
    }
    cordon__buf_puts(b, "]}");
    if (b->failed)
        return NULL;
    a->json_valid = 1;
    if (len)
        *len = b->len;
    return b->data;
}
