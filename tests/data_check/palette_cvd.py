#!/usr/bin/env python3
"""The map palette stays distinguishable for readers with colour-vision deficiencies.

Reads the qualitative palette from engine/src/scene_color.c and checks, under normal vision and
simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, severity
1), that every two of its first 12 colours are at least 9.5 apart in CIEDE2000, every two of all
of them at least 6, and each at least 10 from the light theme's neutral grey (0xb4b4b4), which
marks the communities left uncoloured.

    palette_cvd.py ENGINE_SRC_DIR
"""
import math
import re
import sys

def srgb2lin(c):
    c=c/255; return c/12.92 if c<=0.04045 else ((c+0.055)/1.055)**2.4
def lin2srgb(c):
    c=min(max(c,0),1); return 12.92*c if c<=0.0031308 else 1.055*c**(1/2.4)-0.055
M={'protan':[[0.152286,1.052583,-0.204868],[0.114503,0.786281,0.099216],[-0.003882,-0.048116,1.051998]],
   'deutan':[[0.367322,0.860646,-0.227968],[0.280085,0.672501,0.047413],[-0.011820,0.042940,0.968881]],
   'tritan':[[1.255528,-0.076749,-0.178779],[-0.078411,0.930809,0.147602],[0.004733,0.691367,0.303900]]}
def sim(hexv,kind):
    r,g,b=[srgb2lin((hexv>>s)&255) for s in (16,8,0)]
    if kind=='normal': return (r,g,b)
    m=M[kind]; return tuple(min(max(m[i][0]*r+m[i][1]*g+m[i][2]*b,0),1) for i in range(3))
def lab(rgb):
    r,g,b=rgb
    X=0.4124*r+0.3576*g+0.1805*b; Y=0.2126*r+0.7152*g+0.0722*b; Z=0.0193*r+0.1192*g+0.9505*b
    def f(t): return t**(1/3) if t>0.008856 else 7.787*t+16/116
    fx,fy,fz=f(X/0.95047),f(Y),f(Z/1.08883)
    return (116*fy-16,500*(fx-fy),200*(fy-fz))
def de(a,b): return math.dist(a,b)
def ciede2000(L1,L2):
    # standard CIEDE2000
    (L1_,a1,b1),(L2_,a2,b2)=L1,L2
    C1=math.hypot(a1,b1);C2=math.hypot(a2,b2);Cb=(C1+C2)/2
    G=0.5*(1-math.sqrt(Cb**7/(Cb**7+25**7)))
    a1p,a2p=(1+G)*a1,(1+G)*a2
    C1p,C2p=math.hypot(a1p,b1),math.hypot(a2p,b2)
    h1p=math.degrees(math.atan2(b1,a1p))%360; h2p=math.degrees(math.atan2(b2,a2p))%360
    dLp=L2_-L1_; dCp=C2p-C1p
    dhp=0 if C1p*C2p==0 else (h2p-h1p if abs(h2p-h1p)<=180 else (h2p-h1p-360 if h2p-h1p>180 else h2p-h1p+360))
    dHp=2*math.sqrt(C1p*C2p)*math.sin(math.radians(dhp/2))
    Lbp=(L1_+L2_)/2; Cbp=(C1p+C2p)/2
    if C1p*C2p==0: hbp=h1p+h2p
    elif abs(h1p-h2p)<=180: hbp=(h1p+h2p)/2
    elif h1p+h2p<360: hbp=(h1p+h2p+360)/2
    else: hbp=(h1p+h2p-360)/2
    T=1-0.17*math.cos(math.radians(hbp-30))+0.24*math.cos(math.radians(2*hbp))+0.32*math.cos(math.radians(3*hbp+6))-0.20*math.cos(math.radians(4*hbp-63))
    dth=30*math.exp(-((hbp-275)/25)**2); Rc=2*math.sqrt(Cbp**7/(Cbp**7+25**7))
    Sl=1+0.015*(Lbp-50)**2/math.sqrt(20+(Lbp-50)**2); Sc=1+0.045*Cbp; Sh=1+0.015*Cbp*T; Rt=-math.sin(math.radians(2*dth))*Rc
    return math.sqrt((dLp/Sl)**2+(dCp/Sc)**2+(dHp/Sh)**2+Rt*(dCp/Sc)*(dHp/Sh))

KINDS = ["normal", "deutan", "protan", "tritan"]


def distance(a, b):
    """The smallest CIEDE2000 distance between two colours over the four kinds of vision."""
    return min(ciede2000(lab(sim(a, k)), lab(sim(b, k))) for k in KINDS)


def main():
    text = open(sys.argv[1] + "/scene_color.c", encoding="utf-8").read()
    block = re.search(r"static const unsigned palette\[COLLAB_I_PALETTE_SIZE\] = \{([^}]*)\}", text)
    if block is None:
        print("FAIL: no palette array in scene_color.c")
        return 1
    palette = [int(h, 16) for h in re.findall(r"0x([0-9a-fA-F]{6})", block.group(1))]
    failures = 0
    if len(palette) < 12:
        print(f"FAIL: {len(palette)} colours, fewer than the 12 communities always coloured")
        failures += 1
    for i, a in enumerate(palette):
        for j in range(i):
            d = distance(a, palette[j])
            need = 9.5 if i < 12 else 6.0
            if d < need:
                print(f"FAIL: colours {j} (#{palette[j]:06x}) and {i} (#{a:06x}) are {d:.1f} apart, "
                      f"less than {need}")
                failures += 1
        grey = distance(a, 0xB4B4B4)
        if grey < 10:
            print(f"FAIL: colour {i} (#{a:06x}) is {grey:.1f} from the neutral grey")
            failures += 1
    worst = min(distance(a, palette[j]) for i, a in enumerate(palette[:12]) for j in range(i))
    print(f"palette: {len(palette)} colours, first 12 at least {worst:.1f} apart under "
          f"normal, protan, deutan and tritan vision; {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
