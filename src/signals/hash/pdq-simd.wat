;; PDQ core in WebAssembly (SIMD): luma, the Jarosz box filter and the 64→16 DCT, bit-identical
;; to Meta's C++ reference (every operation is the same IEEE float32 operation, in the same order;
;; SIMD lanes are independent rows or columns, never a reordered sum).
;;
;; Source of pdq-simd.wasm (and of the base64 copy in pdq-simd-binary.ts):
;;   node src/signals/hash/pdq-simd.build.mjs   (needs the `wabt` npm package; no network at run time)
;;
;; Memory layout is chosen by the caller (pdq-wasm.ts); every pointer below is a byte offset.
;; Float images are row-major with a row stride that is a multiple of 4 floats, so that the column
;; pass runs four columns per instruction (the padding is computed and ignored).
(module
  (memory (export "memory") 64)

  ;; ---------------------------------------------------------------- luma of one output row
  ;; dst[x] = 0.299f·R + 0.587f·G + 0.114f·B, with R, G, B at src + cols[x] (+1, +2): the
  ;; reference's float expression ((r·R + g·G) + b·B). `cols` holds i32 byte offsets, so the same
  ;; function serves nearest-neighbour resizing (the reference's 512×512 pre-resize) and plain rows.
  (func (export "lumaRgbRow") (param $src i32) (param $cols i32) (param $n i32) (param $dst i32)
    (local $x i32) (local $p i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $n)))
        (local.set $p (i32.add (local.get $src) (i32.load (i32.add (local.get $cols) (i32.shl (local.get $x) (i32.const 2))))))
        (f32.store
          (i32.add (local.get $dst) (i32.shl (local.get $x) (i32.const 2)))
          (f32.add
            (f32.add
              (f32.mul (f32.const 0x1.322d0ep-2) (f32.convert_i32_u (i32.load8_u (local.get $p))))
              (f32.mul (f32.const 0x1.2c8b44p-1) (f32.convert_i32_u (i32.load8_u offset=1 (local.get $p)))))
            (f32.mul (f32.const 0x1.d2f1aap-4) (f32.convert_i32_u (i32.load8_u offset=2 (local.get $p))))))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $next))))

  ;; Grey images: the grey value itself (the reference's grey path).
  (func (export "lumaGreyRow") (param $src i32) (param $cols i32) (param $n i32) (param $dst i32)
    (local $x i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $n)))
        (f32.store
          (i32.add (local.get $dst) (i32.shl (local.get $x) (i32.const 2)))
          (f32.convert_i32_u
            (i32.load8_u (i32.add (local.get $src) (i32.load (i32.add (local.get $cols) (i32.shl (local.get $x) (i32.const 2))))))))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $next))))

  ;; ---------------------------------------------------------------- transpose
  ;; out (c4 × r4, row stride sOut floats) = transpose of in (r4 × c4, row stride sIn), r4 and c4
  ;; multiples of 4, in 4×4 blocks. The box filter along rows is the column filter between two transposes: the column
  ;; filter runs four independent sums per instruction, a row's sum is one long dependent chain.
  (func $transpose (param $in i32) (param $out i32) (param $r4 i32) (param $c4 i32) (param $sIn i32) (param $sOut i32)
    (local $r i32) (local $c i32) (local $p i32) (local $q i32) (local $rs i32) (local $os i32)
    (local $a v128) (local $b v128) (local $x v128) (local $y v128) (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $rs (i32.shl (local.get $sIn) (i32.const 2)))
    (local.set $os (i32.shl (local.get $sOut) (i32.const 2)))
    (block $er (loop $lr
      (br_if $er (i32.ge_u (local.get $r) (local.get $r4)))
      (local.set $c (i32.const 0))
      (block $ec (loop $lc
        (br_if $ec (i32.ge_u (local.get $c) (local.get $c4)))
        (local.set $p (i32.add (local.get $in) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $sIn)) (local.get $c)) (i32.const 2))))
        (local.set $a (v128.load (local.get $p)))
        (local.set $b (v128.load (i32.add (local.get $p) (local.get $rs))))
        (local.set $x (v128.load (i32.add (local.get $p) (i32.shl (local.get $rs) (i32.const 1)))))
        (local.set $y (v128.load (i32.add (local.get $p) (i32.mul (local.get $rs) (i32.const 3)))))
        (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a) (local.get $b)))
        (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a) (local.get $b)))
        (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x) (local.get $y)))
        (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x) (local.get $y)))
        (local.set $q (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $sOut)) (local.get $r)) (i32.const 2))))
        (v128.store (local.get $q) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
        (v128.store (i32.add (local.get $q) (local.get $os)) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
        (v128.store (i32.add (local.get $q) (i32.shl (local.get $os) (i32.const 1))) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
        (v128.store (i32.add (local.get $q) (i32.mul (local.get $os) (i32.const 3))) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (br $lc)))
      (local.set $r (i32.add (local.get $r) (i32.const 4)))
      (br $lr))))

  ;; ---------------------------------------------------------------- box filter along columns
  ;; The reference's box1DFloat down every column, swept row by row with one running sum per
  ;; column (in `sums`, `stride` floats), four columns per instruction.
  (func $boxCols (export "boxCols") (param $in i32) (param $out i32) (param $rows i32) (param $stride i32) (param $w i32) (param $sums i32)
    (local $half i32) (local $p1 i32) (local $p2 i32) (local $p3 i32) (local $p4 i32)
    (local $rs i32) (local $i i32) (local $c i32) (local $ri i32) (local $li i32) (local $oi i32)
    (local $cnt f32) (local $q v128) (local $s v128) (local $a i32)
    (local.set $rs (i32.shl (local.get $stride) (i32.const 2)))
    (local.set $half (i32.shr_u (i32.add (local.get $w) (i32.const 2)) (i32.const 1)))
    (local.set $p1 (i32.sub (local.get $half) (i32.const 1)))
    (local.set $p2 (i32.add (i32.sub (local.get $w) (local.get $half)) (i32.const 1)))
    (local.set $p3 (i32.sub (local.get $rows) (local.get $w)))
    (local.set $p4 (i32.sub (local.get $half) (i32.const 1)))
    ;; sums = 0
    (local.set $c (i32.const 0))
    (block $z (loop $zl
      (br_if $z (i32.ge_u (local.get $c) (local.get $rs)))
      (v128.store (i32.add (local.get $sums) (local.get $c)) (v128.const f32x4 0 0 0 0))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (br $zl)))
    ;; ri, li, oi: byte offsets of rows
    (local.set $ri (local.get $in))
    (local.set $li (local.get $in))
    (local.set $oi (local.get $out))
    ;; phase 1
    (local.set $i (i32.const 0))
    (block $e1 (loop $l1
      (br_if $e1 (i32.ge_s (local.get $i) (local.get $p1)))
      (local.set $c (i32.const 0))
      (block $ce (loop $cl
        (br_if $ce (i32.ge_u (local.get $c) (local.get $rs)))
        (local.set $a (i32.add (local.get $sums) (local.get $c)))
        (v128.store (local.get $a) (f32x4.add (v128.load (local.get $a)) (v128.load (i32.add (local.get $ri) (local.get $c)))))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $cl)))
      (local.set $cnt (f32.add (local.get $cnt) (f32.const 1)))
      (local.set $ri (i32.add (local.get $ri) (local.get $rs)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l1)))
    ;; phase 2
    (local.set $i (i32.const 0))
    (block $e2 (loop $l2
      (br_if $e2 (i32.ge_s (local.get $i) (local.get $p2)))
      (local.set $cnt (f32.add (local.get $cnt) (f32.const 1)))
      (local.set $q (f32x4.splat (local.get $cnt)))
      (local.set $c (i32.const 0))
      (block $ce (loop $cl
        (br_if $ce (i32.ge_u (local.get $c) (local.get $rs)))
        (local.set $a (i32.add (local.get $sums) (local.get $c)))
        (local.set $s (f32x4.add (v128.load (local.get $a)) (v128.load (i32.add (local.get $ri) (local.get $c)))))
        (v128.store (local.get $a) (local.get $s))
        (v128.store (i32.add (local.get $oi) (local.get $c)) (f32x4.div (local.get $s) (local.get $q)))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $cl)))
      (local.set $ri (i32.add (local.get $ri) (local.get $rs)))
      (local.set $oi (i32.add (local.get $oi) (local.get $rs)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l2)))
    ;; phase 3
    (local.set $q (f32x4.splat (local.get $cnt)))
    (local.set $i (i32.const 0))
    (block $e3 (loop $l3
      (br_if $e3 (i32.ge_s (local.get $i) (local.get $p3)))
      (local.set $c (i32.const 0))
      (block $ce (loop $cl
        (br_if $ce (i32.ge_u (local.get $c) (local.get $rs)))
        (local.set $a (i32.add (local.get $sums) (local.get $c)))
        (local.set $s
          (f32x4.sub
            (f32x4.add (v128.load (local.get $a)) (v128.load (i32.add (local.get $ri) (local.get $c))))
            (v128.load (i32.add (local.get $li) (local.get $c)))))
        (v128.store (local.get $a) (local.get $s))
        (v128.store (i32.add (local.get $oi) (local.get $c)) (f32x4.div (local.get $s) (local.get $q)))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $cl)))
      (local.set $ri (i32.add (local.get $ri) (local.get $rs)))
      (local.set $li (i32.add (local.get $li) (local.get $rs)))
      (local.set $oi (i32.add (local.get $oi) (local.get $rs)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l3)))
    ;; phase 4
    (local.set $i (i32.const 0))
    (block $e4 (loop $l4
      (br_if $e4 (i32.ge_s (local.get $i) (local.get $p4)))
      (local.set $cnt (f32.sub (local.get $cnt) (f32.const 1)))
      (local.set $q (f32x4.splat (local.get $cnt)))
      (local.set $c (i32.const 0))
      (block $ce (loop $cl
        (br_if $ce (i32.ge_u (local.get $c) (local.get $rs)))
        (local.set $a (i32.add (local.get $sums) (local.get $c)))
        (local.set $s (f32x4.sub (v128.load (local.get $a)) (v128.load (i32.add (local.get $li) (local.get $c)))))
        (v128.store (local.get $a) (local.get $s))
        (v128.store (i32.add (local.get $oi) (local.get $c)) (f32x4.div (local.get $s) (local.get $q)))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $cl)))
      (local.set $li (i32.add (local.get $li) (local.get $rs)))
      (local.set $oi (i32.add (local.get $oi) (local.get $rs)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l4))))

  ;; ---------------------------------------------------------------- Jarosz filter + decimation
  ;; Two passes of (rows, columns) as the reference, on a rows × cols picture in b1 (row stride
  ;; sN floats, at least cols rounded up to 4, and rows rounded up to 4 rows: the padding is
  ;; filtered too, then ignored). b2 and b3 are scratch holding either that or the transpose
  ;; (row stride sT, at least rows rounded up to 4); `sums` holds max(sN, sT) floats. The result
  ;; is left in b1.
  (func (export "jarosz") (param $b1 i32) (param $b2 i32) (param $b3 i32) (param $rows i32) (param $cols i32)
      (param $sN i32) (param $sT i32) (param $wRows i32) (param $wCols i32) (param $sums i32)
    (local $r4 i32) (local $c4 i32)
    (local.set $r4 (i32.and (i32.add (local.get $rows) (i32.const 3)) (i32.const -4)))
    (local.set $c4 (i32.and (i32.add (local.get $cols) (i32.const 3)) (i32.const -4)))
    ;; along rows: transpose, filter the columns of the transpose, transpose back
    (call $transpose (local.get $b1) (local.get $b2) (local.get $r4) (local.get $c4) (local.get $sN) (local.get $sT))
    (call $boxCols (local.get $b2) (local.get $b3) (local.get $cols) (local.get $sT) (local.get $wRows) (local.get $sums))
    (call $transpose (local.get $b3) (local.get $b1) (local.get $c4) (local.get $r4) (local.get $sT) (local.get $sN))
    ;; along columns
    (call $boxCols (local.get $b1) (local.get $b2) (local.get $rows) (local.get $sN) (local.get $wCols) (local.get $sums))
    ;; second pass
    (call $transpose (local.get $b2) (local.get $b3) (local.get $r4) (local.get $c4) (local.get $sN) (local.get $sT))
    (call $boxCols (local.get $b3) (local.get $b2) (local.get $cols) (local.get $sT) (local.get $wRows) (local.get $sums))
    (call $transpose (local.get $b2) (local.get $b3) (local.get $c4) (local.get $r4) (local.get $sT) (local.get $sN))
    (call $boxCols (local.get $b3) (local.get $b1) (local.get $rows) (local.get $sN) (local.get $wCols) (local.get $sums)))

  (func (export "decimate") (param $b1 i32) (param $rowOff i32) (param $colOff i32) (param $out i32)
    (local $i i32) (local $j i32) (local $r i32)
    (block $ei (loop $li
      (br_if $ei (i32.ge_u (local.get $i) (i32.const 64)))
      (local.set $r (i32.add (local.get $b1) (i32.load (i32.add (local.get $rowOff) (i32.shl (local.get $i) (i32.const 2))))))
      (local.set $j (i32.const 0))
      (block $ej (loop $lj
        (br_if $ej (i32.ge_u (local.get $j) (i32.const 64)))
        (f32.store
          (i32.add (local.get $out) (i32.shl (i32.add (i32.shl (local.get $i) (i32.const 6)) (local.get $j)) (i32.const 2)))
          (f32.load (i32.add (local.get $r) (i32.load (i32.add (local.get $colOff) (i32.shl (local.get $j) (i32.const 2)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $lj)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $li))))

  ;; ---------------------------------------------------------------- DCT 64×64 → 16×16
  ;; T = D·A (16×64), B = T·Dᵀ (16×16), each sum over k = 0..63 in order, as the reference.
  ;; D is 16×64 row-major; DT is its transpose (64×16), so that four j's of B are one vector.
  (func (export "dct") (param $a i32) (param $d i32) (param $dt i32) (param $t i32) (param $b i32)
    (local $i i32) (local $j i32) (local $k i32) (local $acc v128) (local $dik i32)
    ;; T[i][j..j+3] = Σk D[i][k] · A[k][j..j+3]
    (block $ei (loop $li
      (br_if $ei (i32.ge_u (local.get $i) (i32.const 16)))
      (local.set $j (i32.const 0))
      (block $ej (loop $lj
        (br_if $ej (i32.ge_u (local.get $j) (i32.const 64)))
        (local.set $acc (v128.const f32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (block $ek (loop $lk
          (br_if $ek (i32.ge_u (local.get $k) (i32.const 64)))
          (local.set $acc
            (f32x4.add (local.get $acc)
              (f32x4.mul
                (f32x4.splat (f32.load (i32.add (local.get $d) (i32.shl (i32.add (i32.shl (local.get $i) (i32.const 6)) (local.get $k)) (i32.const 2)))))
                (v128.load (i32.add (local.get $a) (i32.shl (i32.add (i32.shl (local.get $k) (i32.const 6)) (local.get $j)) (i32.const 2)))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $lk)))
        (v128.store (i32.add (local.get $t) (i32.shl (i32.add (i32.shl (local.get $i) (i32.const 6)) (local.get $j)) (i32.const 2))) (local.get $acc))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $lj)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $li)))
    ;; B[i][j..j+3] = Σk T[i][k] · DT[k][j..j+3]
    (local.set $i (i32.const 0))
    (block $ei (loop $li
      (br_if $ei (i32.ge_u (local.get $i) (i32.const 16)))
      (local.set $j (i32.const 0))
      (block $ej (loop $lj
        (br_if $ej (i32.ge_u (local.get $j) (i32.const 16)))
        (local.set $acc (v128.const f32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (block $ek (loop $lk
          (br_if $ek (i32.ge_u (local.get $k) (i32.const 64)))
          (local.set $acc
            (f32x4.add (local.get $acc)
              (f32x4.mul
                (f32x4.splat (f32.load (i32.add (local.get $t) (i32.shl (i32.add (i32.shl (local.get $i) (i32.const 6)) (local.get $k)) (i32.const 2)))))
                (v128.load (i32.add (local.get $dt) (i32.shl (i32.add (i32.shl (local.get $k) (i32.const 4)) (local.get $j)) (i32.const 2)))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $lk)))
        (v128.store (i32.add (local.get $b) (i32.shl (i32.add (i32.shl (local.get $i) (i32.const 4)) (local.get $j)) (i32.const 2))) (local.get $acc))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $lj)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $li))))
)
