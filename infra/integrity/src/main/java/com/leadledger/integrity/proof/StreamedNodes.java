package com.leadledger.integrity.proof;

import com.leadledger.integrity.checkpoint.MerkleTree;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hashes of some nodes of the log tree, and its root, from the leaf hashes fed one at a time in order: what
 * {@link LogTree} computes from a list of every leaf, in memory of one hash per level and node. The nodes must not
 * overlap, as those of one audit path or one consistency proof do not.
 */
public final class StreamedNodes {

    private final List<LogTree.Range> byStart;
    private final Map<LogTree.Range, MerkleTree> nodes = new LinkedHashMap<>(); // in the order given
    private final MerkleTree whole = new MerkleTree();
    private int current;

    public StreamedNodes(List<LogTree.Range> ranges) {
        this.byStart = ranges.stream().sorted(Comparator.comparingLong(LogTree.Range::from)).toList();
        for (int i = 1; i < byStart.size(); i++) {
            if (byStart.get(i).from() < byStart.get(i - 1).to()) {
                throw new IllegalArgumentException("nodes overlap: " + byStart.get(i - 1) + " and " + byStart.get(i));
            }
        }
        ranges.forEach(r -> nodes.put(r, new MerkleTree()));
    }

    /** The next leaf hash ({@link LogTree#leafHash}), in global-index order. */
    public void add(byte[] leafHash) {
        long position = whole.size();
        while (current < byStart.size() && byStart.get(current).to() <= position) {
            current++;
        }
        if (current < byStart.size() && byStart.get(current).from() <= position) {
            nodes.get(byStart.get(current)).addLeafHash(leafHash);
        }
        whole.addLeafHash(leafHash);
    }

    /** How many leaves were fed. */
    public long size() {
        return whole.size();
    }

    /** The root of the tree over every leaf fed. */
    public byte[] root() {
        return whole.root();
    }

    /** The hashes of the nodes, in the order they were given; each must lie within the leaves fed. */
    public List<byte[]> nodeHashes() {
        return nodes.entrySet().stream().map(node -> {
            LogTree.Range range = node.getKey();
            if (node.getValue().size() != range.to() - range.from()) {
                throw new IllegalStateException("node " + range + " is not covered by the " + size() + " leaves fed");
            }
            return node.getValue().root();
        }).toList();
    }
}
