/**
 * Knowledge-base file formats, each a {@link io.linkrx.kb.KbLoader} registered in
 * {@code META-INF/services/io.linkrx.kb.KbLoader} and selected by a {@link io.linkrx.kb.KbSpec}:
 * <ul>
 *   <li>{@code medic} – CTD MEDIC {@code CTD_diseases.tsv[.gz]}; option {@code altids=<primary_id TAB alt_id file>}
 *       (this is how the derived medic_altids.tsv is merged, rather than a format of its own)</li>
 *   <li>{@code dict} – {@code ID||name} dictionaries; options {@code type}, {@code vocabulary}, {@code altids}</li>
 *   <li>{@code mesh} – MeSH TSV pair, descriptor / supplementary XML, or ASCII {@code dYYYY.bin}; options
 *       {@code types}, {@code descriptors}</li>
 *   <li>{@code umls} – MRCONSO.RRF + MRSTY.RRF; options {@code lang}, {@code sab}, {@code suppress}, {@code types}</li>
 *   <li>{@code drugbank} – DrugBank open vocabulary CSV</li>
 *   <li>{@code linkrx} – the linkrx TSV ({@code io.linkrx.kb.LinkrxTsvLoader}), also for bare paths</li>
 * </ul>
 * Loaders never log concept names.
 */
package io.linkrx.kb.load;
