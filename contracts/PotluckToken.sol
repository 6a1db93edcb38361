// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title Potluck development token
/// @notice An 18-decimal ERC-20 with EIP-2612 permit for development, tests and the embedded chain.
///         Production deployments may point the RewardVault at any other ERC-20 instead.
/// @dev Minting is role-gated so a test harness or faucet can be given MINTER_ROLE without admin rights.
contract PotluckToken is ERC20, ERC20Permit, AccessControl {
    /// @notice Role allowed to mint new tokens.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @param admin Receives DEFAULT_ADMIN_ROLE and MINTER_ROLE.
    constructor(address admin) ERC20("Potluck", "POT") ERC20Permit("Potluck") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }

    /// @notice Mints `amount` base units to `to`.
    /// @dev Reverts with AccessControlUnauthorizedAccount unless the caller holds MINTER_ROLE.
    /// @param to Recipient of the new tokens.
    /// @param amount Amount in base units (18 decimals).
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }
}
