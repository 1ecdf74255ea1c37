package org.sigmaworkbench.engine;

/**
 * {@code cidr}: the value is an address of the network's family inside it, as KQL's {@code
 * ipv4_is_in_range} and {@code ipv6_is_in_range}; anything that is not such an address does not
 * match.
 */
final class CidrTest extends ValueTest {
  private final byte[] network;
  private final int prefix;

  CidrTest(byte[] network, int prefix) {
    this.network = network.clone();
    this.prefix = prefix;
  }

  @Override
  boolean test(String v) {
    if (v.isEmpty()) {
      return false;
    }
    byte[] addr = network.length == 4 ? IpAddresses.parseV4(v) : IpAddresses.parseV6(v);
    if (addr == null) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((addr[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  @Override
  int cost() {
    return 10;
  }
}
