/* sha256.h — SHA-256 (FIPS 180-4) for list provenance. */
#ifndef CORDON_SHA256_H
#define CORDON_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct cordon__sha256_ctx {
    uint32_t h[8];
    uint64_t total;
    unsigned char block[64];
    size_t used;
} cordon__sha256_ctx;

void cordon__sha256_init(cordon__sha256_ctx *c);
void cordon__sha256_update(cordon__sha256_ctx *c, const void *data, size_t n);
void cordon__sha256_final(cordon__sha256_ctx *c, uint8_t out[32]);
/* One-shot digest of data[0..n). */
void cordon__sha256(const void *data, size_t n, uint8_t out[32]);

#endif
