import GRDB; import Yams; import ITACore; public enum P2 {}
