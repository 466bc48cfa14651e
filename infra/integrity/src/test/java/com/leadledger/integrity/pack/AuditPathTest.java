package com.leadledger.integrity.pack;

import com.leadledger.integrity.checkpoint.MerkleTree;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditPathTest {

    @Test
    void everyLeafOfEveryTreeSizeUpToFortyLeadsToTheRootAndNoOtherLeafDoes() {
        for (int size = 1; size <= 40; size++) {
            List<byte[]> leaves = new ArrayList<>();
            MerkleTree tree = new MerkleTree();
            for (int i = 0; i < size; i++) {
                byte[] eventHash = MerkleTree.leaf(i, new byte[]{(byte) i});
                leaves.add(MerkleTree.leaf(100 + i, eventHash));
                tree.add(100 + i, eventHash);
            }
            byte[] root = tree.root();
            for (int i = 0; i < size; i++) {
                List<byte[]> path = AuditPath.of(i, leaves);
                assertThat(AuditPath.verifies(leaves.get(i), i, size, path, root)).as("leaf %d of %d", i, size).isTrue();
                int other = (i + 1) % size;
                if (other != i) {
                    assertThat(AuditPath.verifies(leaves.get(other), i, size, path, root))
                            .as("leaf %d in place of %d of %d", other, i, size).isFalse();
                }
            }
        }
    }

    @Test
    void aTamperedPathOrAWrongSizeDoesNotVerify() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            leaves.add(MerkleTree.leaf(i, new byte[32]));
        }
        byte[] root = AuditPath.root(leaves);
        List<byte[]> path = new ArrayList<>(AuditPath.of(5, leaves));
        assertThat(AuditPath.verifies(leaves.get(5), 5, 7, path, root)).isTrue();
        assertThat(AuditPath.verifies(leaves.get(5), 5, 6, path, root)).isFalse();
        assertThat(AuditPath.verifies(leaves.get(5), 7, 7, path, root)).isFalse();
        byte[] flipped = path.get(1).clone();
        flipped[0] ^= 1;
        path.set(1, flipped);
        assertThat(AuditPath.verifies(leaves.get(5), 5, 7, path, root)).isFalse();
    }
}
