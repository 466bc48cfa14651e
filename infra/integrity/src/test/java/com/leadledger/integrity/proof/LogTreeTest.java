package com.leadledger.integrity.proof;

import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.checkpoint.MerkleTree;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The Certificate Transparency reference leaves (RFC 6962 test vectors); here the leaf data is hashed as-is. */
    private static final List<String> CT_DATA = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    private static final List<String> CT_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static final LogTree CT = new LogTree(CT_DATA.stream().map(d -> LogTree.leafHash(HEX.parseHex(d))).toList());

    @Test
    void rootsAreTheCertificateTransparencyReferenceRoots() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(CT.root(size))).as("root of %d", size).isEqualTo(CT_ROOTS.get(size));
        }
    }

    @Test
    void inclusionPathsAreTheReferencePaths() {
        assertThat(hex(CT.inclusionPath(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(CT.inclusionPath(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(CT.inclusionPath(0, 1)).isEmpty();
    }

    @Test
    void consistencyProofsAreTheReferenceProofs() {
        assertThat(hex(CT.consistencyProof(2, 8))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(CT.consistencyProof(6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(CT.consistencyProof(2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(CT.consistencyProof(8, 8)).isEmpty();
    }

    @Test
    void theIncrementalTreeOfTheCheckpointsHasTheSameRoots() {
        MerkleTree incremental = new MerkleTree();
        for (int size = 1; size <= 8; size++) {
            incremental.addLeafHash(LogTree.leafHash(HEX.parseHex(CT_DATA.get(size - 1))));
            assertThat(HEX.formatHex(incremental.root())).isEqualTo(CT_ROOTS.get(size));
        }
    }

    @Test
    void everyInclusionProofVerifiesAndNoAlteredOneDoes() {
        LogTree tree = tree(37);
        for (int size = 1; size <= tree.size(); size++) {
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = tree.inclusionPath(index, size);
                byte[] leaf = leaf(index);
                assertThat(ProofVerifier.verifyInclusion(leaf, index, size, path, root)).isTrue();
                assertThat(ProofVerifier.verifyInclusion(leaf(index + 1), index, size, path, root)).isFalse();
                assertThat(ProofVerifier.verifyInclusion(leaf, index, size, path, tree.root(size - 1))).isFalse();
                assertThat(ProofVerifier.verifyInclusion(leaf, size, size, path, root)).isFalse();
                if (!path.isEmpty()) {
                    assertThat(ProofVerifier.verifyInclusion(leaf, index, size, flipFirstByte(path, 0), root))
                            .isFalse();
                    assertThat(ProofVerifier.verifyInclusion(leaf, index, size, path.subList(0, path.size() - 1),
                            root)).isFalse();
                    assertThat(ProofVerifier.verifyInclusion(leaf, index ^ 1, size, path, root)).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(new byte[32]);
                assertThat(ProofVerifier.verifyInclusion(leaf, index, size, longer, root)).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoAlteredOneDoes() {
        LogTree tree = tree(37);
        for (int second = 0; second <= tree.size(); second++) {
            for (int first = 0; first <= second; first++) {
                List<byte[]> proof = tree.consistencyProof(first, second);
                byte[] firstRoot = tree.root(first);
                byte[] secondRoot = tree.root(second);
                assertThat(ProofVerifier.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d -> %d", first, second).isTrue();
                if (first > 0 && first < second) {
                    for (int i = 0; i < proof.size(); i++) {
                        assertThat(ProofVerifier.verifyConsistency(first, second, firstRoot, secondRoot,
                                flipFirstByte(proof, i))).isFalse();
                    }
                    assertThat(ProofVerifier.verifyConsistency(first, second, firstRoot, secondRoot,
                            proof.subList(0, proof.size() - 1))).isFalse();
                    assertThat(ProofVerifier.verifyConsistency(first, second, tree.root(first - 1), secondRoot,
                            proof)).isFalse();
                    assertThat(ProofVerifier.verifyConsistency(first, second, firstRoot, tree.root(second - 1),
                            proof)).isFalse();
                }
            }
        }
        assertThat(ProofVerifier.verifyConsistency(6, 2, tree.root(6), tree.root(2), List.of())).isFalse();
    }

    @Test
    void refusesProofsOutsideTheTree() {
        assertThatThrownBy(() -> CT.inclusionPath(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CT.inclusionPath(0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CT.consistencyProof(5, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static LogTree tree(int size) {
        return new LogTree(IntStream.range(0, size).mapToObj(LogTreeTest::leaf).toList());
    }

    private static byte[] leaf(int i) {
        return LogTree.leafHash(Hashes.sha256().digest(new byte[]{(byte) i, (byte) (i * 7)}));
    }

    private static List<byte[]> flipFirstByte(List<byte[]> hashes, int which) {
        List<byte[]> copy = new ArrayList<>(hashes);
        byte[] altered = copy.get(which).clone();
        altered[0] ^= 1;
        copy.set(which, altered);
        return copy;
    }

    @Test
    void streamedNodesGiveTheSameProofsAsTheWholeTreeForEverySizeAndLeaf() {
        List<byte[]> leaves = IntStream.range(0, 40)
                .mapToObj(i -> LogTree.leafHash(Hashes.sha256().digest(new byte[]{(byte) i}))).toList();
        LogTree tree = new LogTree(leaves);
        for (int size = 1; size <= leaves.size(); size++) {
            for (int index = 0; index < size; index++) {
                assertThat(hex(streamed(leaves, size, LogTree.inclusionRanges(index, size))))
                        .as("audit path of %d in %d", index, size).isEqualTo(hex(tree.inclusionPath(index, size)));
            }
            for (int first = 0; first <= size; first++) {
                assertThat(hex(streamed(leaves, size, LogTree.consistencyRanges(first, size))))
                        .as("consistency %d to %d", first, size).isEqualTo(hex(tree.consistencyProof(first, size)));
            }
        }
    }

    @Test
    void streamedNodesKnowTheRootAndRefuseNodesTheyWereNotFed() {
        StreamedNodes nodes = new StreamedNodes(LogTree.inclusionRanges(1, 8));
        for (String data : CT_DATA.subList(0, 5)) {
            nodes.add(LogTree.leafHash(HEX.parseHex(data)));
        }
        assertThat(nodes.size()).isEqualTo(5);
        assertThat(HEX.formatHex(nodes.root())).isEqualTo(CT_ROOTS.get(5));
        assertThatThrownBy(nodes::nodeHashes).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not covered");
        assertThatThrownBy(() -> new StreamedNodes(List.of(new LogTree.Range(0, 4), new LogTree.Range(2, 6))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
    }

    private static List<byte[]> streamed(List<byte[]> leaves, int size, List<LogTree.Range> ranges) {
        StreamedNodes nodes = new StreamedNodes(ranges);
        leaves.subList(0, size).forEach(nodes::add);
        return nodes.nodeHashes();
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
