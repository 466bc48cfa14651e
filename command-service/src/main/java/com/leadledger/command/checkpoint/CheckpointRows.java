package com.leadledger.command.checkpoint;

import com.leadledger.integrity.proof.TreeHead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;

/** How a published checkpoint is read: its row with its signed tree head, if any, as a {@link CheckpointView}. */
final class CheckpointRows {

    /** {@code SELECT} + this + a condition or an order: the checkpoints with their tree heads. */
    static final String SELECT_FROM = "c.checkpoint_no, c.first_index, c.last_index, c.event_count, c.gaps, "
            + "c.merkle_root, c.previous_hash, c.checkpoint_hash, c.created_at, h.tree_size, h.root_hash, h.key_id, "
            + "h.signature FROM chain_checkpoint c LEFT JOIN checkpoint_tree_head h "
            + "ON h.checkpoint_no = c.checkpoint_no";

    private CheckpointRows() {
    }

    static CheckpointView view(ResultSet rs) throws SQLException {
        Long[] gaps = (Long[]) rs.getArray(5).getArray();
        HexFormat hex = HexFormat.of();
        String signature = rs.getString(13);
        return new CheckpointView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                Arrays.stream(gaps).sorted().toList(), hex.formatHex(rs.getBytes(6)), hex.formatHex(rs.getBytes(7)),
                hex.formatHex(rs.getBytes(8)), rs.getTimestamp(9).toInstant(),
                signature == null ? null : rs.getLong(10), signature == null ? null : hex.formatHex(rs.getBytes(11)),
                rs.getString(12), signature == null ? null : TreeHead.ALGORITHM, signature);
    }
}
