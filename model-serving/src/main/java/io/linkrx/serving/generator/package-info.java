/**
 * Model kind {@code generator}: constrained generative entity linking in the manner of SynCABEL (and GENRE).
 *
 * <p>A causal language model reads the mention in its context and writes the name of a concept, token by
 * token. A prefix tree over the token sequences of every name of the knowledge base (preferred names and
 * synonyms, optionally only those of the requested semantic types) restricts each step to the valid
 * continuations: all other tokens are masked to -inf, so only names of the KB can come out, whatever the model
 * would write on its own. Beam search keeps the best partial names; finished names are ranked by length-normalised
 * log-probability and mapped back to their concept id(s).
 *
 * <h2>Model repository layout</h2>
 * <pre>
 * &lt;repo&gt;/&lt;model&gt;/config.pbtxt        parameters { key: "kind" value: { string_value: "generator" } } ...
 * &lt;repo&gt;/&lt;model&gt;/&lt;version&gt;/model.onnx  the decoder
 * &lt;repo&gt;/&lt;model&gt;/&lt;version&gt;/vocab.txt   its vocabulary
 * &lt;repo&gt;/&lt;model&gt;/&lt;version&gt;/names.tsv   the KB names the trie is built from, at load
 * </pre>
 *
 * <p><b>model.onnx</b>: input {@code input_ids} INT64 {@code [B, T]}, output {@code logits} FP32
 * {@code [B, T, V]} ({@code [B, V]}, the last position only, is accepted too); an {@code attention_mask} INT64
 * input, if the graph has one, is fed with ones. The sequence is {@code <bos> prompt-tokens <sep> name-tokens},
 * and the model must predict {@code <eos>} after a complete name. There is no KV cache: each step runs the whole
 * sequence, which suits small decoders.
 *
 * <p><b>vocab.txt</b>: UTF-8, one word-level token per line; the line number (from 0) is the token id and the
 * logits index, so V must equal the number of lines. It must contain {@code <pad>}, {@code <bos>},
 * {@code <eos>}, {@code <unk>} and {@code <sep>}. Text is split by {@link io.linkrx.serving.generator.WordTokenizer}
 * (runs of letters/digits, and single punctuation characters), lower-cased unless {@code lowercase} is false;
 * prompt words outside the vocabulary become {@code <unk>}; a name with such a word cannot be generated and is
 * left out of the trie (logged at load).
 *
 * <p><b>names.tsv</b>: UTF-8, three tab-separated columns {@code concept_id  semantic_type  name}, one name per
 * line (a concept has as many lines as names); {@code #} comment lines, blank lines and a
 * {@code concept_id  semantic_type  name} header are skipped. The same name may belong to several concepts (an
 * ambiguous abbreviation such as MS): the generated name then returns all of them.
 *
 * <h2>Served tensors</h2>
 * <ul>
 *   <li>{@code PROMPT} BYTES {@code [N]} (or {@code [N, 1]}): the mention in context, UTF-8.</li>
 *   <li>{@code SEMANTIC_TYPE} BYTES {@code [N]} or {@code [1]}, optional: empty for no filter, otherwise one or
 *       more types separated by {@code |} (case-insensitive; a type the KB lacks matches nothing).</li>
 *   <li>{@code CONCEPT_ID} BYTES {@code [N, K]}: best first; the ids of a name shared by several concepts are
 *       joined with {@code concept_separator}.</li>
 *   <li>{@code NAME} BYTES {@code [N, K]}: the generated name as written in names.tsv.</li>
 *   <li>{@code SCORE} FP32 {@code [N, K]}: {@code log P(name + <eos> | prompt) / (tokens + 1)^length_penalty}.
 *       Cells beyond the names found (a narrow filter, a small beam) are empty with score {@code -Infinity}.</li>
 * </ul>
 *
 * <h2>config.pbtxt parameters</h2>
 * {@code beam_width} (5), {@code num_return} = K (beam_width), {@code length_penalty} (1.0),
 * {@code max_prompt_tokens} (128, the first ones are kept), {@code dedupe_concepts} (true: one result per
 * concept), {@code lowercase} (true), {@code concept_separator} ({@code |}), {@code max_rows_per_call} (64),
 * {@code model_filename} (model.onnx), {@code vocab_file} (vocab.txt), {@code names_file} (names.tsv),
 * {@code input_ids_name} (input_ids), {@code logits_name} (logits). {@code max_batch_size} (32 when 0) bounds N.
 *
 * <h2>The tiny decoder</h2>
 * {@link io.linkrx.serving.generator.TinyDecoderBuilder} builds a small word-level decoder from a names.tsv
 * (and optional "mention → name" pairs) with the project's own ONNX writer: a bigram LM over KB names times a
 * bag-of-words association from prompt words to name tokens. It is what the tests serve, and a working
 * {@code generator} model for the demo KB. A real SynCABEL decoder (a fine-tuned causal LM exported to ONNX)
 * drops into the same layout only if it uses this word-level vocabulary; subword (BPE) tokenizers would need the
 * trie built from tokenizer.json ids, which is not implemented (the trie and the search work on any token ids).
 */
package io.linkrx.serving.generator;
