/* sink.c — cordon__sink_* dispatch through the sink's operations. */
#include "sources/entity.h"

int cordon__sink_list(cordon__sink *s, const char *list_id, const char *publisher,
                      const char *date, cordon_error *err)
{
    if (!s || !s->ops || !s->ops->list)
        return cordon__err(err, CORDON_E_INVALID, "sink has no list operation");
    return s->ops->list(s->ctx, list_id, publisher, date, err);
}

int cordon__sink_entity(cordon__sink *s, const cordon__ent *e, cordon_error *err)
{
    if (!s || !s->ops || !s->ops->entity)
        return cordon__err(err, CORDON_E_INVALID, "sink has no entity operation");
    return s->ops->entity(s->ctx, e, err);
}

int cordon__sink_skip(cordon__sink *s, int64_t line, const char *reason, cordon_error *err)
{
    if (!s || !s->ops || !s->ops->skip)
        return cordon__err(err, CORDON_E_INVALID, "sink has no skip operation");
    return s->ops->skip(s->ctx, line, reason, err);
}

const cordon_options *cordon__sink_options(const cordon__sink *s)
{
    return cordon__options_or_default(s && s->ops ? s->ops->opts : NULL);
}
