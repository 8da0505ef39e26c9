/*
 * Weight-row kernels for x86-64 with AVX2, FMA and F16C, called through the Java FFM API from
 * io.github.deepseek4j.quant.ffi. One call computes a whole range of rows against activations that
 * Java quantized to int8 once per input vector (Int8Activations), in the layout each type's function
 * below describes: every function takes (w, offset, rows, blocks, qx, dx, sx, y, y_offset), and what
 * qx, dx and sx hold depends on the type.
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

static inline uint32_t load_u16(const uint8_t *p) {
    uint16_t h;
    memcpy(&h, p, 2);
    return h;
}

static inline float half_to_float(const uint8_t *p) {
    return _cvtsh_ss((unsigned short) load_u16(p));
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

/*
 * Asks for the cache lines `ahead` bytes past a row, one row's length of them, as each row starts: the
 * weights are streamed once, and the hardware prefetcher alone keeps fewer reads in flight than the
 * memory can serve while the core is busy unpacking.
 */
static inline void prefetch_ahead(const uint8_t *row, int64_t row_bytes) {
    const int64_t ahead = 2048;
    for (int64_t at = 0; at < row_bytes; at += 64) {
        _mm_prefetch((const char *) row + ahead + at, _MM_HINT_T0);
    }
}

/* Q8_0 block (fp16 d, 32 int8) against 32 activations: acc += d * dx * (8 partial sums). */
static inline __m256 q8_0_block(const uint8_t *block, const int8_t *qx, float dx, __m256 acc) {
    __m256 p = dot_s8_s8(load32(block + 2), load32(qx));
    return _mm256_fmadd_ps(_mm256_set1_ps(half_to_float(block) * dx), p, acc);
}

/*
 * Q8_0: qx int8 per value, dx one float scale per 32 values; sx unused. Two interleaved sums (even and
 * odd blocks) keep FMA latency from serializing the loop.
 */
void deepseek4j_q8_0_rows(const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, const int8_t *qx,
                          const float *dx, const float *sx, float *y, int32_t y_offset) {
    (void) sx;
    for (int32_t r = 0; r < rows; r++) {
        const uint8_t *row = w + offset + (int64_t) r * blocks * 34;
        prefetch_ahead(row, (int64_t) blocks * 34);
        __m256 even = _mm256_setzero_ps(), odd = _mm256_setzero_ps();
        int32_t b = 0;
        for (; b + 1 < blocks; b += 2) {
            even = q8_0_block(row + 34 * (int64_t) b, qx + 32 * (int64_t) b, dx[b], even);
            odd = q8_0_block(row + 34 * (int64_t) (b + 1), qx + 32 * (int64_t) (b + 1), dx[b + 1], odd);
        }
        if (b < blocks) {
            even = q8_0_block(row + 34 * (int64_t) b, qx + 32 * (int64_t) b, dx[b], even);
        }
        y[y_offset + r] = sum8(_mm256_add_ps(even, odd));
    }
}

/*
 * Q4_0 blocks (fp16 d, 16 bytes of nibbles n: low = values 0..15, high = 16..31; value = d * (n - 8))
 * are taken two at a time, block A's 16 bytes in the low half of a register and B's in the high half,
 * so one mask and one shift unpack 64 values. The activations come in the matching order (see
 * deepseek4j_q4_0_rows). Returns 8 int32 sums: lanes 0-3 block A's, 4-7 block B's, offset included.
 */
static inline __m256i q4_0_pair_sums(__m256i packed, const int8_t *qx, const int32_t *offsets) {
    const __m256i low4 = _mm256_set1_epi8(0x0F);
    __m256i low = _mm256_maddubs_epi16(_mm256_and_si256(packed, low4), load32(qx));
    __m256i high = _mm256_maddubs_epi16(_mm256_and_si256(_mm256_srli_epi16(packed, 4), low4), load32(qx + 32));
    __m256i sums = _mm256_madd_epi16(_mm256_add_epi16(low, high), _mm256_set1_epi16(1));
    return _mm256_sub_epi32(sums, load32(offsets));
}

/* Block A's 16 bytes of nibbles (A = the block at a) in the low half, the next block's in the high half. */
static inline __m256i q4_0_two_blocks(const uint8_t *a) {
    return _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128((const __m128i *) (a + 2))),
                                   _mm_loadu_si128((const __m128i *) (a + 20)), 1);
}

/* One block's nibbles in the low half, zeros in the high half (a row's last, unpaired block). */
static inline __m256i q4_0_one_block(const uint8_t *a) {
    return _mm256_zextsi128_si256(_mm_loadu_si128((const __m128i *) (a + 2)));
}

/* Four fp16 block scales packed in 64 bits, times their activation scales dx[0..3]: four floats. */
static inline __m256 q4_0_scales(uint64_t halves, const float *dx) {
    return _mm256_castps128_ps256(_mm_mul_ps(_mm_cvtph_ps(_mm_cvtsi64_si128((long long) halves)), _mm_loadu_ps(dx)));
}

/* acc += [f0 x4, f1 x4] * sums, where spread picks (f0, f1) out of four block scales f. */
static inline __m256 q4_0_accumulate(__m256 f, __m256i spread, __m256i sums, __m256 acc) {
    return _mm256_fmadd_ps(_mm256_permutevar8x32_ps(f, spread), _mm256_cvtepi32_ps(sums), acc);
}

/*
 * Q4_0, per pair of blocks (A, B) = (2p, 2p + 1): qx 64 bytes [A0..15, B0..15, A16..31, B16..31];
 * dx one float per block; sx 8 int32 per pair [8 sum(qA), 0, 0, 0, 8 sum(qB), 0, 0, 0], the -8 offset
 * in integers. An odd last block is a pair whose B half is zero. Four blocks' fp16 scales are converted
 * together and spread to their pairs' lanes with vpermps.
 */
void deepseek4j_q4_0_rows(const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, const int8_t *qx,
                          const float *dx, const float *sx, float *y, int32_t y_offset) {
    const int32_t *offsets = (const int32_t *) sx;
    const __m256i first_pair = _mm256_setr_epi32(0, 0, 0, 0, 1, 1, 1, 1);
    const __m256i second_pair = _mm256_setr_epi32(2, 2, 2, 2, 3, 3, 3, 3);
    for (int32_t r = 0; r < rows; r++) {
        const uint8_t *row = w + offset + (int64_t) r * blocks * 18;
        prefetch_ahead(row, (int64_t) blocks * 18);
        __m256 even = _mm256_setzero_ps(), odd = _mm256_setzero_ps();
        int32_t b = 0;
        for (; b + 4 <= blocks; b += 4) {
            const uint8_t *at = row + 18 * (int64_t) b;
            const int8_t *x = qx + 32 * (int64_t) b;
            const int32_t *o = offsets + 4 * (int64_t) b;
            uint64_t halves = load_u16(at) | (uint64_t) load_u16(at + 18) << 16
                    | (uint64_t) load_u16(at + 36) << 32 | (uint64_t) load_u16(at + 54) << 48;
            __m256 f = q4_0_scales(halves, dx + b);
            even = q4_0_accumulate(f, first_pair, q4_0_pair_sums(q4_0_two_blocks(at), x, o), even);
            odd = q4_0_accumulate(f, second_pair, q4_0_pair_sums(q4_0_two_blocks(at + 36), x + 64, o + 8), odd);
        }
        int32_t left = blocks - b; /* 0 to 3 blocks, scales of missing blocks zero */
        if (left > 0) {
            const uint8_t *at = row + 18 * (int64_t) b;
            const int8_t *x = qx + 32 * (int64_t) b;
            const int32_t *o = offsets + 4 * (int64_t) b;
            uint64_t halves = 0;
            float scales[4] = {0, 0, 0, 0};
            for (int32_t i = 0; i < left; i++) {
                halves |= (uint64_t) load_u16(at + 18 * i) << (16 * i);
                scales[i] = dx[b + i];
            }
            __m256 f = q4_0_scales(halves, scales);
            __m256i pair = left >= 2 ? q4_0_two_blocks(at) : q4_0_one_block(at);
            even = q4_0_accumulate(f, first_pair, q4_0_pair_sums(pair, x, o), even);
            if (left == 3) {
                odd = q4_0_accumulate(f, second_pair, q4_0_pair_sums(q4_0_one_block(at + 36), x + 64, o + 8), odd);
            }
        }
        y[y_offset + r] = sum8(_mm256_add_ps(even, odd));
    }
}

/* Eight bytes packed in a 64-bit word, as eight floats. */
static inline __m256 bytes_to_floats(uint64_t bytes) {
    return _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_cvtsi64_si128((long long) bytes)));
}

/*
 * Q4_K super-block: fp16 d, fp16 dmin, 12 bytes of eight 6-bit (scale, min) pairs, 128 bytes of nibbles
 * (32 bytes per pair of sub-blocks: low nibbles sub-block 2g, high nibbles 2g+1); value = d*sc*q - dmin*m.
 * With one activation scale per super-block the six-bit scales multiply in integers (vpmaddwd) and the
 * whole super-block is one integer sum, then one float multiply-add; the mins go to *mins per sub-block.
 */
static inline __m256 q4_k_block(const uint8_t *block, const int8_t *qx, float dx, const float *sx, __m256 acc,
                                __m256 *mins) {
    uint32_t s[3];
    memcpy(s, block + 4, 12);
    uint64_t scales = (s[0] & 0x3F3F3F3Fu)
            | (uint64_t) ((s[2] & 0x0F0F0F0Fu) | ((s[0] >> 6) & 0x03030303u) << 4) << 32;
    uint64_t minimums = (s[1] & 0x3F3F3F3Fu)
            | (uint64_t) (((s[2] >> 4) & 0x0F0F0F0Fu) | ((s[1] >> 6) & 0x03030303u) << 4) << 32;
    *mins = _mm256_fmadd_ps(_mm256_mul_ps(_mm256_set1_ps(half_to_float(block + 2)), bytes_to_floats(minimums)),
                            _mm256_loadu_ps(sx), *mins);
    /* the eight scales as int16 in both 128-bit halves, so that vpshufb can broadcast any of them */
    __m256i scales16 = _mm256_broadcastsi128_si256(_mm_cvtepu8_epi16(_mm_cvtsi64_si128((long long) scales)));
    const __m256i low4 = _mm256_set1_epi8(0x0F);
    __m256i sum = _mm256_setzero_si256();
    for (int g = 0; g < 4; g++) {
        __m256i packed = load32(block + 16 + 32 * g);
        __m256i low = _mm256_maddubs_epi16(_mm256_and_si256(packed, low4), load32(qx + 64 * g));
        __m256i high = _mm256_maddubs_epi16(_mm256_and_si256(_mm256_srli_epi16(packed, 4), low4),
                                            load32(qx + 64 * g + 32));
        __m256i scale_low = _mm256_shuffle_epi8(scales16, _mm256_set1_epi16((short) (0x0100 + 0x0202 * 2 * g)));
        __m256i scale_high = _mm256_shuffle_epi8(scales16, _mm256_set1_epi16((short) (0x0100 + 0x0202 * (2 * g + 1))));
        sum = _mm256_add_epi32(sum, _mm256_add_epi32(_mm256_madd_epi16(low, scale_low),
                                                     _mm256_madd_epi16(high, scale_high)));
    }
    return _mm256_fmadd_ps(_mm256_set1_ps(half_to_float(block) * dx), _mm256_cvtepi32_ps(sum), acc);
}

/*
 * Q4_K, llama.cpp's Q8_K activations: qx int8 per value with one float scale per 256 values in dx;
 * sx per 32 values the float sum of the dequantized activations (for the mins).
 */
void deepseek4j_q4_k_rows(const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, const int8_t *qx,
                          const float *dx, const float *sx, float *y, int32_t y_offset) {
    for (int32_t r = 0; r < rows; r++) {
        const uint8_t *row = w + offset + (int64_t) r * blocks * 144;
        prefetch_ahead(row, (int64_t) blocks * 144);
        __m256 acc = _mm256_setzero_ps(), mins = _mm256_setzero_ps();
        for (int32_t b = 0; b < blocks; b++) {
            acc = q4_k_block(row + 144 * (int64_t) b, qx + 256 * (int64_t) b, dx[b], sx + 8 * (int64_t) b, acc,
                             &mins);
        }
        y[y_offset + r] = sum8(acc) - sum8(mins);
    }
}
