// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title Potluck reward vault
/// @notice Holds the reward token. Deposits credit an off-chain account; every epoch the service posts the
///         Merkle root of each wallet's cumulative earnings, and anyone can claim the not-yet-claimed part.
/// @dev Reward leaf: keccak256(bytes.concat(keccak256(abi.encode(address account, uint256 cumulativeAmount)))),
///      the OpenZeppelin StandardMerkleTree encoding. Amounts are cumulative, so a claim pays
///      `cumulativeAmount - claimed[account]` and a replayed or stale proof can never pay twice.
///      Claims are accepted against the latest epoch only: if a wrong root is ever posted, pausing, posting a
///      corrected root for a later epoch and unpausing retires the wrong one completely.
contract RewardVault is AccessControl, Pausable {
    using SafeERC20 for IERC20;

    /// @notice Role allowed to post epoch roots.
    bytes32 public constant ROOT_POSTER_ROLE = keccak256("ROOT_POSTER_ROLE");
    /// @notice Role allowed to pause and unpause deposits and claims.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    /// @notice The reward token.
    IERC20 public immutable token;

    /// @notice The most recent epoch with a posted root (0 before the first).
    uint64 public latestEpoch;

    mapping(uint64 epoch => bytes32 root) private _epochRoots;

    // keccak256(abi.encode(latestEpoch, its root)) while claims are open, zero while paused or before
    // the first root: a claim checks the pause, the epoch and the proof's root with one cold SLOAD
    // instead of three (measured: the three cold slots were 6,300 of a repeat claim's 30,848
    // execution gas). The other fields stay for views, error reasons and the pause itself.
    bytes32 private _claimable;

    /// @notice Cumulative amount already paid out per account.
    mapping(address account => uint256 amount) public claimed;

    /// @notice Tokens were deposited for an off-chain account.
    event Deposited(bytes32 indexed accountRef, address indexed from, uint256 amount);
    /// @notice The root of cumulative claimable amounts for an epoch was posted.
    event EpochRootPosted(uint64 indexed epoch, bytes32 root);
    /// @notice `amount` was paid to `account`, bringing its total claimed to `cumulativeAmount`.
    event Claimed(address indexed account, uint64 epoch, uint256 amount, uint256 cumulativeAmount);

    /// @notice Zero amount, root or account reference.
    error ZeroValue();
    /// @notice The epoch already has a different root.
    error EpochRootConflict(uint64 epoch, bytes32 existingRoot);
    /// @notice Epochs must increase.
    error EpochNotIncreasing(uint64 epoch, uint64 latestEpoch);
    /// @notice The claim names an epoch other than the latest one; fetch a fresh proof.
    error StaleEpoch(uint64 epoch, uint64 latestEpoch);
    /// @notice The proof does not match the epoch root.
    error InvalidProof();
    /// @notice Everything up to `cumulativeAmount` has already been claimed.
    error NothingToClaim(address account, uint256 cumulativeAmount, uint256 alreadyClaimed);

    /// @param token_ The reward token.
    /// @param admin Receives DEFAULT_ADMIN_ROLE, ROOT_POSTER_ROLE and PAUSER_ROLE.
    constructor(IERC20 token_, address admin) {
        token = token_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ROOT_POSTER_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
    }

    /// @notice Deposits tokens (after an ERC-20 approval) to be credited to an off-chain account.
    /// @param amount Amount in token base units.
    /// @param accountRef The account to credit (keccak256 of the Potluck account id).
    function deposit(uint256 amount, bytes32 accountRef) external whenNotPaused {
        _deposit(amount, accountRef);
    }

    /// @notice Deposits tokens using an EIP-2612 permit instead of a prior approval.
    /// @dev A failing permit is ignored so a front-run permit cannot grief the deposit; the transfer then
    ///      succeeds only if the allowance is already in place.
    /// @param amount Amount in token base units.
    /// @param accountRef The account to credit.
    /// @param deadline Permit deadline.
    /// @param v Permit signature v.
    /// @param r Permit signature r.
    /// @param s Permit signature s.
    function depositWithPermit(uint256 amount, bytes32 accountRef, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        whenNotPaused
    {
        try IERC20Permit(address(token)).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {}
        _deposit(amount, accountRef);
    }

    /// @notice Posts the Merkle root of cumulative claimable amounts for a new epoch.
    ///         Replaying an already posted epoch with the same root is a no-op.
    /// @param epoch Epoch number, greater than every posted epoch.
    /// @param root StandardMerkleTree root over (address account, uint256 cumulativeAmount) leaves.
    /// @return posted True if this call posted it, false if it was already posted identically.
    function postEpochRoot(uint64 epoch, bytes32 root) external onlyRole(ROOT_POSTER_ROLE) returns (bool posted) {
        if (root == 0) revert ZeroValue();
        bytes32 existing = _epochRoots[epoch];
        if (existing != 0) {
            if (existing == root) return false;
            revert EpochRootConflict(epoch, existing);
        }
        if (epoch <= latestEpoch) revert EpochNotIncreasing(epoch, latestEpoch);
        _epochRoots[epoch] = root;
        latestEpoch = epoch;
        if (!paused()) _claimable = _commitment(epoch, root);
        emit EpochRootPosted(epoch, root);
        return true;
    }

    /// @notice Pays `account` its cumulative earnings in the latest epoch minus what it already claimed.
    ///         Anyone may submit the claim; the tokens always go to `account`.
    /// @param epoch Must be the latest epoch.
    /// @param account The wallet in the leaf.
    /// @param cumulativeAmount The cumulative amount in the leaf.
    /// @param proof StandardMerkleTree proof of the leaf.
    /// @return amount The amount paid.
    function claim(uint64 epoch, address account, uint256 cumulativeAmount, bytes32[] calldata proof)
        external
        returns (uint256 amount)
    {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount))));
        bytes32 root = MerkleProof.processProofCalldata(proof, leaf);
        if (_commitment(epoch, root) != _claimable) _refuseClaim(epoch);
        uint256 already = claimed[account];
        if (cumulativeAmount <= already) revert NothingToClaim(account, cumulativeAmount, already);
        amount = cumulativeAmount - already;
        claimed[account] = cumulativeAmount;
        emit Claimed(account, epoch, amount, cumulativeAmount);
        token.safeTransfer(account, amount);
    }

    /// @notice Pauses deposits and claims.
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
        _claimable = 0;
    }

    /// @notice Resumes deposits and claims.
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
        uint64 latest = latestEpoch;
        if (latest != 0) _claimable = _commitment(latest, _epochRoots[latest]);
    }

    /// @notice The root posted for an epoch; zero if none.
    /// @param epoch Epoch number.
    /// @return root The posted root.
    function epochRoot(uint64 epoch) external view returns (bytes32 root) {
        return _epochRoots[epoch];
    }

    function _commitment(uint64 epoch, bytes32 root) private pure returns (bytes32) {
        return keccak256(abi.encode(epoch, root));
    }

    /// @dev Reverts with the reason a claim failed the commitment check, in the order the checks had
    ///      when each read its own slot: paused, stale epoch, then a proof that does not reach the root.
    function _refuseClaim(uint64 epoch) private view {
        _requireNotPaused();
        uint64 latest = latestEpoch;
        if (epoch != latest) revert StaleEpoch(epoch, latest);
        revert InvalidProof();
    }

    function _deposit(uint256 amount, bytes32 accountRef) private {
        if (amount == 0 || accountRef == 0) revert ZeroValue();
        // Credit what actually arrived, so fee-on-transfer tokens cannot over-credit an account.
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        emit Deposited(accountRef, msg.sender, received);
    }
}
