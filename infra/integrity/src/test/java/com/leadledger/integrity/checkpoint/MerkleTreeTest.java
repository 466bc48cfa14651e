package com.leadledger.integrity.checkpoint;

import com.leadledger.integrity.Hashes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MerkleTreeTest {

    static byte[] sha(String text) {
        return Hashes.sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 6962's definition, written down literally. */
    static byte[] reference(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Hashes.sha256().digest();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        return MerkleTree.node(reference(leaves.subList(0, k)), reference(leaves.subList(k, leaves.size())));
    }

    @Test
    void theStreamingRootEqualsTheRecursiveDefinitionForEverySize() {
        List<byte[]> leaves = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        assertThat(tree.root()).isEqualTo(reference(leaves));
        for (int i = 1; i <= 70; i++) {
            byte[] eventHash = sha("event " + i);
            leaves.add(MerkleTree.leaf(i, eventHash));
            tree.add(i, eventHash);
            assertThat(tree.root()).as("%d leaves", i).isEqualTo(reference(leaves));
            assertThat(tree.size()).isEqualTo(i);
        }
    }

    @Test
    void aCopyGoesOnFromTheSameLeavesAndLeavesTheOriginalAsItWas() {
        MerkleTree original = new MerkleTree();
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            original.add(i, sha("event " + i));
            leaves.add(MerkleTree.leaf(i, sha("event " + i)));
        }
        byte[] rootOfEleven = original.root();

        MerkleTree copy = original.copy();
        for (int i = 12; i <= 40; i++) {
            copy.add(i, sha("event " + i));
            leaves.add(MerkleTree.leaf(i, sha("event " + i)));
        }

        assertThat(copy.root()).isEqualTo(reference(leaves));
        assertThat(copy.size()).isEqualTo(40);
        assertThat(original.root()).isEqualTo(rootOfEleven);
        assertThat(original.size()).isEqualTo(11);
    }

    @Test
    void aTreeResumedFromItsFrontierGoesOnAsTheOriginalForEverySize() {
        List<byte[]> leaves = new ArrayList<>();
        MerkleTree original = new MerkleTree();
        for (int size = 0; size <= 40; size++) {
            if (size > 0) {
                original.add(size, sha("event " + size));
                leaves.add(MerkleTree.leaf(size, sha("event " + size)));
            }
            MerkleTree resumed = MerkleTree.resume(original.size(), original.frontier());
            assertThat(resumed.size()).isEqualTo(size);
            assertThat(resumed.root()).as("%d leaves", size).isEqualTo(original.root());
            List<byte[]> more = new ArrayList<>(leaves);
            for (int i = size + 1; i <= size + 9; i++) {
                resumed.add(i, sha("event " + i));
                more.add(MerkleTree.leaf(i, sha("event " + i)));
            }
            assertThat(resumed.root()).as("%d leaves and 9 more", size).isEqualTo(reference(more));
        }
        assertThat(original.frontier()).hasSize(Long.bitCount(40) * 32);
    }

    @Test
    void aFrontierThatDoesNotFitItsSizeIsRefused() {
        MerkleTree tree = new MerkleTree();
        for (int i = 1; i <= 5; i++) {
            tree.add(i, sha("event " + i));
        }
        byte[] frontier = tree.frontier();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MerkleTree.resume(7, frontier));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MerkleTree.resume(5, Arrays.copyOf(frontier, frontier.length - 1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MerkleTree.resume(-1, new byte[0]));
    }

    @Test
    void matchesVectorsComputedIndependently() {
        // python3: sha256(b'\x00' + struct.pack('>q', index) + sha256(text)) leaves, node = sha256(b'\x01' + l + r)
        MerkleTree three = new MerkleTree();
        three.add(1, sha("a"));
        three.add(2, sha("b"));
        three.add(3, sha("c"));
        assertThat(Hashes.hex(three.root()))
                .isEqualTo("535652420fcab8de654bf5ef206333d8c7be0ae7cb6c67408e3406eeea99cd25");
        three.add(5, sha("d"));
        three.add(6, sha("e"));
        assertThat(Hashes.hex(three.root()))
                .isEqualTo("001e36853f760b3546bdd740211df9b8e078370294f50de01b862346390e0d68");
    }

    @Test
    void theRootDependsOnEachHashItsIndexAndTheOrder() {
        byte[] a = sha("a");
        byte[] b = sha("b");
        byte[] base = root(new long[]{1, 2}, a, b);
        assertThat(root(new long[]{1, 2}, b, a)).isNotEqualTo(base);
        assertThat(root(new long[]{1, 3}, a, b)).isNotEqualTo(base);
        assertThat(root(new long[]{1}, a)).isNotEqualTo(base);
        byte[] changed = Arrays.copyOf(b, b.length);
        changed[0] ^= 1;
        assertThat(root(new long[]{1, 2}, a, changed)).isNotEqualTo(base);
    }

    @Test
    void aLeafCannotPassForANode() {
        byte[] l = MerkleTree.leaf(1, sha("a"));
        byte[] r = MerkleTree.leaf(2, sha("b"));
        assertThat(MerkleTree.node(l, r)).isNotEqualTo(Hashes.sha256().digest(concat(l, r)));
    }

    private static byte[] root(long[] indexes, byte[]... hashes) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < indexes.length; i++) {
            tree.add(indexes[i], hashes[i]);
        }
        return tree.root();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
