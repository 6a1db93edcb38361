// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title Potluck attribution registry
/// @notice Anchors Proof of Attribution on chain: datanets, Merkle roots of contribution batches and of
///         validation outcome batches, published models, and epoch roots of inference receipts.
/// @dev Only roots are stored, never per-item data, so anchoring costs the same for 1 or 10,000 items.
///
///      Replay semantics (the off-chain outbox resubmits after a crash): every write is keyed by an id.
///      Writing an id again with identical data is a no-op that returns false and emits nothing;
///      writing it with different data reverts with a *Conflict error. Records are immutable.
///
///      Leaves are OpenZeppelin StandardMerkleTree leaves: keccak256(bytes.concat(keccak256(abi.encode(...)))),
///      verified with sorted-pair MerkleProof. Leaf encodings:
///        contribution: (bytes32 contributionId, bytes32 contributorRef, bytes32 contentHash, bytes32 datanetId)
///        validation:   (bytes32 contributionId, bytes32 datanetId, bool approved, bytes32 votesCommitment)
///        receipt:      (bytes32 receiptId, bytes32 modelId, uint256 fee, bytes32 receiptHash)
///      contributorRef is an opaque account reference (keccak256 of the Potluck account id), not an address:
///      contributors need no wallet, and linking one later does not change anchored leaves.
contract AttributionRegistry is AccessControl {
    /// @notice Role allowed to register datanets and models and to anchor roots.
    bytes32 public constant ANCHOR_ROLE = keccak256("ANCHOR_ROLE");

    /// @notice Basis points that a model's revenue split must sum to.
    uint16 public constant TOTAL_BPS = 10_000;

    /// @notice A Merkle batch of contributions or validation outcomes.
    struct Batch {
        bytes32 root;
        bytes32 datanetId;
        uint32 count;
        uint64 anchoredAt;
    }

    /// @notice An epoch root of inference receipts.
    struct ReceiptEpoch {
        bytes32 root;
        uint32 count;
        uint64 anchoredAt;
    }

    /// @notice A published model. Split is in basis points: developer, data contributors, validators, protocol.
    struct Model {
        bytes32 snapshotRoot;
        bytes32 artifactHash;
        address developer;
        uint16 developerBps;
        uint16 dataBps;
        uint16 validatorBps;
        uint16 protocolBps;
        uint256 pricePerCall;
    }

    mapping(bytes32 datanetId => bytes32 metadataHash) private _datanets;
    mapping(bytes32 batchId => Batch) private _contributionBatches;
    mapping(bytes32 batchId => Batch) private _validationBatches;
    mapping(bytes32 modelId => Model) private _models;
    mapping(uint64 epoch => ReceiptEpoch) private _receiptEpochs;

    /// @notice A datanet was registered.
    event DatanetRegistered(bytes32 indexed datanetId, bytes32 metadataHash);
    /// @notice A batch of contributions was anchored.
    event ContributionBatchAnchored(bytes32 indexed batchId, bytes32 indexed datanetId, bytes32 root, uint32 count);
    /// @notice A batch of validation outcomes was anchored.
    event ValidationBatchAnchored(bytes32 indexed batchId, bytes32 indexed datanetId, bytes32 root, uint32 count);
    /// @notice A model was published.
    event ModelRegistered(
        bytes32 indexed modelId,
        address indexed developer,
        bytes32 snapshotRoot,
        bytes32 artifactHash,
        uint256 pricePerCall,
        uint16[4] splitBps
    );
    /// @notice An epoch of inference receipts was anchored.
    event ReceiptEpochAnchored(uint64 indexed epoch, bytes32 root, uint32 count);

    /// @notice A root, hash or count that must be non-zero was zero.
    error ZeroValue();
    /// @notice The datanet has not been registered.
    error UnknownDatanet(bytes32 datanetId);
    /// @notice The datanet id is registered with a different metadata hash.
    error DatanetConflict(bytes32 datanetId, bytes32 existingMetadataHash);
    /// @notice The batch id is anchored with different data.
    error BatchConflict(bytes32 batchId);
    /// @notice The model id is registered with different data.
    error ModelConflict(bytes32 modelId);
    /// @notice The receipt epoch is anchored with different data.
    error ReceiptEpochConflict(uint64 epoch);
    /// @notice The split does not sum to TOTAL_BPS.
    error InvalidSplit(uint256 totalBps);

    /// @param admin Receives DEFAULT_ADMIN_ROLE and ANCHOR_ROLE.
    constructor(address admin) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ANCHOR_ROLE, admin);
    }

    // ------------------------------------------------------------------ writes

    /// @notice Registers a datanet. Replaying with the same metadata hash is a no-op.
    /// @param datanetId Datanet id.
    /// @param metadataHash Hash of the datanet's canonical metadata; must be non-zero.
    /// @return created True if this call registered it, false if it was already registered identically.
    function registerDatanet(bytes32 datanetId, bytes32 metadataHash)
        external
        onlyRole(ANCHOR_ROLE)
        returns (bool created)
    {
        if (metadataHash == 0) revert ZeroValue();
        bytes32 existing = _datanets[datanetId];
        if (existing != 0) {
            if (existing == metadataHash) return false;
            revert DatanetConflict(datanetId, existing);
        }
        _datanets[datanetId] = metadataHash;
        emit DatanetRegistered(datanetId, metadataHash);
        return true;
    }

    /// @notice Anchors the Merkle root of a batch of contributions to a registered datanet.
    ///         Replaying with identical data is a no-op.
    /// @param batchId Batch id.
    /// @param datanetId Datanet every leaf of the batch belongs to.
    /// @param root StandardMerkleTree root over contribution leaves.
    /// @param count Number of leaves.
    /// @return created True if this call anchored it, false if it was already anchored identically.
    function anchorContributionBatch(bytes32 batchId, bytes32 datanetId, bytes32 root, uint32 count)
        external
        onlyRole(ANCHOR_ROLE)
        returns (bool created)
    {
        created = _anchorBatch(_contributionBatches[batchId], batchId, datanetId, root, count);
        if (created) emit ContributionBatchAnchored(batchId, datanetId, root, count);
    }

    /// @notice Anchors the Merkle root of one window's contributions across every datanet. Each leaf names
    ///         its datanet, so a quiet datanet's few contributions share one transaction with the rest
    ///         instead of paying for a root of their own. Stored with datanetId 0; the event says the same.
    ///         Replaying with identical data is a no-op.
    /// @param batchId Batch id (the contribution batch namespace).
    /// @param root StandardMerkleTree root over contribution leaves of any registered datanets.
    /// @param count Number of leaves.
    /// @return created True if this call anchored it, false if it was already anchored identically.
    function anchorContributionWindow(bytes32 batchId, bytes32 root, uint32 count)
        external
        onlyRole(ANCHOR_ROLE)
        returns (bool created)
    {
        if (root == 0 || count == 0) revert ZeroValue();
        Batch storage b = _contributionBatches[batchId];
        if (b.root != 0) {
            if (b.root == root && b.datanetId == 0 && b.count == count) return false;
            revert BatchConflict(batchId);
        }
        // datanetId stays zero, unwritten: a window's leaves carry their datanets.
        b.root = root;
        b.count = count;
        b.anchoredAt = uint64(block.timestamp);
        emit ContributionBatchAnchored(batchId, bytes32(0), root, count);
        return true;
    }

    /// @notice Anchors the Merkle root of a batch of final validation outcomes in a registered datanet.
    ///         Replaying with identical data is a no-op.
    /// @param batchId Batch id (its own namespace, separate from contribution batches).
    /// @param datanetId Datanet every leaf of the batch belongs to.
    /// @param root StandardMerkleTree root over validation leaves.
    /// @param count Number of leaves.
    /// @return created True if this call anchored it, false if it was already anchored identically.
    function anchorValidationBatch(bytes32 batchId, bytes32 datanetId, bytes32 root, uint32 count)
        external
        onlyRole(ANCHOR_ROLE)
        returns (bool created)
    {
        created = _anchorBatch(_validationBatches[batchId], batchId, datanetId, root, count);
        if (created) emit ValidationBatchAnchored(batchId, datanetId, root, count);
    }

    /// @notice Registers a published model. Models are immutable; replaying with identical data is a no-op.
    /// @param modelId Model id.
    /// @param snapshotRoot Merkle root of the training snapshot (ordered approved contribution ids).
    /// @param artifactHash Content hash of the model artifact.
    /// @param developer Developer's wallet, or address(0) when the developer has not linked one.
    /// @param pricePerCall Price per call in token base units.
    /// @param splitBps Revenue split [developer, data, validators, protocol] in basis points summing to 10,000.
    /// @return created True if this call registered it, false if it was already registered identically.
    function registerModel(
        bytes32 modelId,
        bytes32 snapshotRoot,
        bytes32 artifactHash,
        address developer,
        uint256 pricePerCall,
        uint16[4] calldata splitBps
    ) external onlyRole(ANCHOR_ROLE) returns (bool created) {
        if (snapshotRoot == 0 || artifactHash == 0) revert ZeroValue();
        uint256 total = uint256(splitBps[0]) + splitBps[1] + splitBps[2] + splitBps[3];
        if (total != TOTAL_BPS) revert InvalidSplit(total);
        Model storage m = _models[modelId];
        if (m.snapshotRoot != 0) {
            if (
                m.snapshotRoot == snapshotRoot && m.artifactHash == artifactHash && m.developer == developer
                    && m.pricePerCall == pricePerCall && m.developerBps == splitBps[0] && m.dataBps == splitBps[1]
                    && m.validatorBps == splitBps[2] && m.protocolBps == splitBps[3]
            ) return false;
            revert ModelConflict(modelId);
        }
        _models[modelId] = Model({
            snapshotRoot: snapshotRoot,
            artifactHash: artifactHash,
            developer: developer,
            developerBps: splitBps[0],
            dataBps: splitBps[1],
            validatorBps: splitBps[2],
            protocolBps: splitBps[3],
            pricePerCall: pricePerCall
        });
        emit ModelRegistered(modelId, developer, snapshotRoot, artifactHash, pricePerCall, splitBps);
        return true;
    }

    /// @notice Anchors the Merkle root of an epoch's inference receipts. Replaying with identical data is a no-op.
    /// @param epoch Epoch number.
    /// @param root StandardMerkleTree root over receipt leaves.
    /// @param count Number of leaves.
    /// @return created True if this call anchored it, false if it was already anchored identically.
    function anchorReceiptEpoch(uint64 epoch, bytes32 root, uint32 count)
        external
        onlyRole(ANCHOR_ROLE)
        returns (bool created)
    {
        if (root == 0 || count == 0) revert ZeroValue();
        ReceiptEpoch storage e = _receiptEpochs[epoch];
        if (e.root != 0) {
            if (e.root == root && e.count == count) return false;
            revert ReceiptEpochConflict(epoch);
        }
        e.root = root;
        e.count = count;
        e.anchoredAt = uint64(block.timestamp);
        emit ReceiptEpochAnchored(epoch, root, count);
        return true;
    }

    // ------------------------------------------------------------------ views

    /// @notice Metadata hash of a datanet; zero if it is not registered.
    /// @param datanetId Datanet id.
    /// @return metadataHash The registered metadata hash.
    function datanetMetadata(bytes32 datanetId) external view returns (bytes32 metadataHash) {
        return _datanets[datanetId];
    }

    /// @notice A contribution batch; `root` is zero if it is not anchored.
    /// @param batchId Batch id.
    /// @return batch The anchored batch.
    function contributionBatch(bytes32 batchId) external view returns (Batch memory batch) {
        return _contributionBatches[batchId];
    }

    /// @notice A validation batch; `root` is zero if it is not anchored.
    /// @param batchId Batch id.
    /// @return batch The anchored batch.
    function validationBatch(bytes32 batchId) external view returns (Batch memory batch) {
        return _validationBatches[batchId];
    }

    /// @notice A registered model; `snapshotRoot` is zero if it is not registered.
    /// @param modelId Model id.
    /// @return model The registered model.
    function model(bytes32 modelId) external view returns (Model memory) {
        return _models[modelId];
    }

    /// @notice A receipt epoch; `root` is zero if it is not anchored.
    /// @param epoch Epoch number.
    /// @return receiptEpoch_ The anchored epoch.
    function receiptEpoch(uint64 epoch) external view returns (ReceiptEpoch memory receiptEpoch_) {
        return _receiptEpochs[epoch];
    }

    /// @notice Whether a contribution is included in an anchored batch of the same datanet, or in an
    ///         anchored window (any datanet) while its datanet is registered.
    /// @param batchId Batch id.
    /// @param contributionId Contribution id.
    /// @param contributorRef Contributor's account reference.
    /// @param contentHash sha256 of the normalised content.
    /// @param datanetId Datanet id; must equal the batch's datanet (any registered one for a window).
    /// @param proof StandardMerkleTree proof.
    /// @return included True if the proof is valid.
    function verifyContribution(
        bytes32 batchId,
        bytes32 contributionId,
        bytes32 contributorRef,
        bytes32 contentHash,
        bytes32 datanetId,
        bytes32[] calldata proof
    ) external view returns (bool included) {
        Batch storage b = _contributionBatches[batchId];
        if (b.root == 0) return false;
        bytes32 batchDatanet = b.datanetId;
        if (batchDatanet == 0 ? _datanets[datanetId] == 0 : batchDatanet != datanetId) return false;
        bytes32 leaf =
            keccak256(bytes.concat(keccak256(abi.encode(contributionId, contributorRef, contentHash, datanetId))));
        return MerkleProof.verifyCalldata(proof, b.root, leaf);
    }

    /// @notice Whether a validation outcome is included in an anchored batch of the same datanet.
    /// @param batchId Validation batch id.
    /// @param contributionId Contribution id.
    /// @param datanetId Datanet id; must equal the batch's datanet.
    /// @param approved The final outcome.
    /// @param votesCommitment Commitment to the outcome's sealed votes (zero for outcomes decided without one),
    ///        so the votes that decided it can later be shown to be the ones anchored.
    /// @param proof StandardMerkleTree proof.
    /// @return included True if the proof is valid.
    function verifyValidation(
        bytes32 batchId,
        bytes32 contributionId,
        bytes32 datanetId,
        bool approved,
        bytes32 votesCommitment,
        bytes32[] calldata proof
    ) external view returns (bool included) {
        Batch storage b = _validationBatches[batchId];
        if (b.root == 0 || b.datanetId != datanetId) return false;
        bytes32 leaf =
            keccak256(bytes.concat(keccak256(abi.encode(contributionId, datanetId, approved, votesCommitment))));
        return MerkleProof.verifyCalldata(proof, b.root, leaf);
    }

    /// @notice Whether an inference receipt is included in an anchored epoch.
    /// @param epoch Epoch number.
    /// @param receiptId Receipt id.
    /// @param modelId Model that served the call.
    /// @param fee Fee charged, in token base units.
    /// @param receiptHash Hash of the full canonical receipt (spans, weights, split).
    /// @param proof StandardMerkleTree proof.
    /// @return included True if the proof is valid.
    function verifyReceipt(
        uint64 epoch,
        bytes32 receiptId,
        bytes32 modelId,
        uint256 fee,
        bytes32 receiptHash,
        bytes32[] calldata proof
    ) external view returns (bool included) {
        bytes32 root = _receiptEpochs[epoch].root;
        if (root == 0) return false;
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(receiptId, modelId, fee, receiptHash))));
        return MerkleProof.verifyCalldata(proof, root, leaf);
    }

    // ------------------------------------------------------------------ internals

    function _anchorBatch(Batch storage b, bytes32 batchId, bytes32 datanetId, bytes32 root, uint32 count)
        private
        returns (bool)
    {
        if (root == 0 || count == 0) revert ZeroValue();
        if (_datanets[datanetId] == 0) revert UnknownDatanet(datanetId);
        if (b.root != 0) {
            if (b.root == root && b.datanetId == datanetId && b.count == count) return false;
            revert BatchConflict(batchId);
        }
        b.root = root;
        b.datanetId = datanetId;
        b.count = count;
        b.anchoredAt = uint64(block.timestamp);
        return true;
    }
}
