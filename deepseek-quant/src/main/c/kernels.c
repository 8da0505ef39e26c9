/*
 * Weight-row kernels for x86-64 with AVX2, FMA and F16C, called through the Java FFM API from
 * io.github.deepseek4j.quant.ffi. One call computes a whole range of rows against activations that
 * Java quantized once per input vector: int8 values qx with one float scale dx per 32 (|qx| <= 127)
 * and, per 32, the float sum of the dequantized activations sx (for Q4_0's offset and Q4_K's mins).
 *
 * Each row is reduced in a fixed order whatever range it arrives in, so results do not depend on
 * how rows are split between threads.
 */
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

/*
 * 1 when this CPU (and OS) can run the kernels below; the library is compiled with -mavx2 -mfma -mf16c,
 * so this one function is compiled for plain x86-64: it must run anywhere to say no.
 */
__attribute__((target("arch=x86-64"))) int deepseek4j_cpu_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
}

static inline float half_to_float(const uint8_t *p) {
    uint16_t h;
    memcpy(&h, p, 2);
    return _cvtsh_ss(h);
}

static inline float sum8(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

/* 32 unsigned bytes (<= 128) times 32 signed bytes (|x| <= 127): 8 int32 sums of four products, as floats. */
static inline __m256 dot_u8_s8(__m256i u, __m256i s) {
    return _mm256_cvtepi32_ps(_mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1)));
}

/* Signed bytes times signed bytes: move the signs of q onto x so that the left operand is unsigned. */
static inline __m256 dot_s8_s8(__m256i q, __m256i x) {
    return dot_u8_s8(_mm256_sign_epi8(q, q), _mm256_sign_epi8(x, q));
}

static inline __m256i load32(const void *p) {
    return _mm256_loadu_si256((const __m256i *) p);
}

/* Q8_0 block (fp16 d, 32 int8) against 32 activations: acc += d * dx * (8 partial sums). */
static inline __m256 q8_0_block(const uint8_t *block, const int8_t *qx, float dx, __m256 acc) {
    __m256 p = dot_s8_s8(load32(block + 2), load32(qx));
    return _mm256_fmadd_ps(_mm256_set1_ps(half_to_float(block) * dx), p, acc);
}

/*
 * Q4_0 block (fp16 d, 16 bytes of nibbles n: low = values 0..15, high = 16..31; value = d * (n - 8)).
 * Only d * dx * sum(n * qx) here: the unsigned nibbles go straight into the byte multiply-add, and the
 * rows function subtracts 8 * d * sx per block.
 */
static inline __m256 q4_0_block(const uint8_t *block, const int8_t *qx, float dx, __m256 acc) {
    __m128i packed = _mm_loadu_si128((const __m128i *) (block + 2));
    __m256i nibbles = _mm256_and_si256(_mm256_set_m128i(_mm_srli_epi16(packed, 4), packed), _mm256_set1_epi8(0x0F));
    return _mm256_fmadd_ps(_mm256_set1_ps(half_to_float(block) * dx), dot_u8_s8(nibbles, load32(qx)), acc);
}

typedef __m256 (*block_fn)(const uint8_t *block, const int8_t *qx, float dx, __m256 acc);

/*
 * Rows of 32-value blocks whose scale is the fp16 at the block's start. Two interleaved sums (even and
 * odd blocks) keep FMA latency from serializing the loop. With minus8, each block also subtracts
 * 8 * d * sx (Q4_0's offset). Inlined with constant arguments, so each type gets its own loop.
 */
static inline __attribute__((always_inline)) void legacy_rows(
        const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, const int8_t *qx, const float *dx,
        const float *sx, float *y, int32_t y_offset, int64_t block_bytes, block_fn block, int minus8) {
    for (int32_t r = 0; r < rows; r++) {
        const uint8_t *row = w + offset + r * blocks * block_bytes;
        __m256 even = _mm256_setzero_ps(), odd = _mm256_setzero_ps();
        float even_offsets = 0, odd_offsets = 0;
        int32_t b = 0;
        for (; b + 1 < blocks; b += 2) {
            const uint8_t *at = row + b * block_bytes;
            even = block(at, qx + 32 * (int64_t) b, dx[b], even);
            odd = block(at + block_bytes, qx + 32 * (int64_t) (b + 1), dx[b + 1], odd);
            if (minus8) {
                even_offsets += half_to_float(at) * sx[b];
                odd_offsets += half_to_float(at + block_bytes) * sx[b + 1];
            }
        }
        if (b < blocks) {
            const uint8_t *at = row + b * block_bytes;
            even = block(at, qx + 32 * (int64_t) b, dx[b], even);
            if (minus8) {
                even_offsets += half_to_float(at) * sx[b];
            }
        }
        y[y_offset + r] = sum8(_mm256_add_ps(even, odd)) - 8 * (even_offsets + odd_offsets);
    }
}

void deepseek4j_q8_0_rows(const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, const int8_t *qx,
                          const float *dx, const float *sx, float *y, int32_t y_offset) {
    legacy_rows(w, offset, rows, blocks, qx, dx, sx, y, y_offset, 34, q8_0_block, 0);
}

void deepseek4j_q4_0_rows(const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, const int8_t *qx,
                          const float *dx, const float *sx, float *y, int32_t y_offset) {
    legacy_rows(w, offset, rows, blocks, qx, dx, sx, y, y_offset, 18, q4_0_block, 1);
}

/* Eight bytes packed in a 64-bit word, as eight floats. */
static inline __m256 bytes_to_floats(uint64_t bytes) {
    return _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_cvtsi64_si128((long long) bytes)));
}

/*
 * Q4_K super-block: fp16 d, fp16 dmin, 12 bytes of eight 6-bit (scale, min) pairs, 128 bytes of nibbles
 * (32 bytes per pair of sub-blocks: low nibbles sub-block 2g, high nibbles 2g+1); value = d*sc*q - dmin*m.
 * Adds the scaled products to *even / *odd and dmin * m * (sum of activations) to *mins, per sub-block.
 */
static inline void q4_k_block(const uint8_t *block, const int8_t *qx, const float *dx, const float *sx,
                              __m256 *even, __m256 *odd, __m256 *mins) {
    uint32_t s[3];
    memcpy(s, block + 4, 12);
    uint64_t scales = (s[0] & 0x3F3F3F3Fu)
            | (uint64_t) ((s[2] & 0x0F0F0F0Fu) | ((s[0] >> 6) & 0x03030303u) << 4) << 32;
    uint64_t minimums = (s[1] & 0x3F3F3F3Fu)
            | (uint64_t) (((s[2] >> 4) & 0x0F0F0F0Fu) | ((s[1] >> 6) & 0x03030303u) << 4) << 32;
    __m256 factors = _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(half_to_float(block)), bytes_to_floats(scales)),
                                   _mm256_loadu_ps(dx));
    *mins = _mm256_fmadd_ps(_mm256_mul_ps(_mm256_set1_ps(half_to_float(block + 2)), bytes_to_floats(minimums)),
                            _mm256_loadu_ps(sx), *mins);
    const __m256i low4 = _mm256_set1_epi8(0x0F);
    for (int g = 0; g < 4; g++) {
        __m256i packed = load32(block + 16 + 32 * g);
        __m256 lo = dot_u8_s8(_mm256_and_si256(packed, low4), load32(qx + 64 * g));
        __m256 hi = dot_u8_s8(_mm256_and_si256(_mm256_srli_epi16(packed, 4), low4), load32(qx + 64 * g + 32));
        *even = _mm256_fmadd_ps(_mm256_permutevar8x32_ps(factors, _mm256_set1_epi32(2 * g)), lo, *even);
        *odd = _mm256_fmadd_ps(_mm256_permutevar8x32_ps(factors, _mm256_set1_epi32(2 * g + 1)), hi, *odd);
    }
}

void deepseek4j_q4_k_rows(const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, const int8_t *qx,
                          const float *dx, const float *sx, float *y, int32_t y_offset) {
    for (int32_t r = 0; r < rows; r++) {
        const uint8_t *row = w + offset + (int64_t) r * blocks * 144;
        __m256 even = _mm256_setzero_ps(), odd = _mm256_setzero_ps(), mins = _mm256_setzero_ps();
        for (int32_t b = 0; b < blocks; b++) {
            q4_k_block(row + 144 * (int64_t) b, qx + 256 * (int64_t) b, dx + 8 * (int64_t) b, sx + 8 * (int64_t) b,
                       &even, &odd, &mins);
        }
        y[y_offset + r] = sum8(_mm256_add_ps(even, odd)) - sum8(mins);
    }
}
